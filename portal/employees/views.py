from flask import Blueprint

bp = Blueprint("employees", __name__, url_prefix="/pegawai")
