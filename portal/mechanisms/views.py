from flask import Blueprint

bp = Blueprint("mechanisms", __name__, url_prefix="/mekanisme")
