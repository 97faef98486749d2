from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length


class LoginForm(FlaskForm):
    nip = StringField(
        "NIP / NI PPPK",
        validators=[DataRequired("NIP wajib diisi."), Length(max=40, message="NIP terlalu panjang.")],
    )
    password = PasswordField(
        "Kata sandi",
        validators=[DataRequired("Kata sandi wajib diisi."),
                    Length(max=256, message="Kata sandi maksimal 256 karakter.")],
    )


class PasswordChangeForm(FlaskForm):
    current = PasswordField("Kata sandi saat ini", validators=[DataRequired("Wajib diisi.")])
    new = PasswordField("Kata sandi baru", validators=[DataRequired("Wajib diisi.")])
    confirm = PasswordField(
        "Ulangi kata sandi baru",
        validators=[DataRequired("Wajib diisi."), EqualTo("new", "Kedua kata sandi baru tidak sama.")],
    )
