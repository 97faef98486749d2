"""``python -m portal.dbcheck URL``: fail loudly when a configured database is unreachable, and
warn when PostgreSQL's autovacuum is off."""

import sys

from sqlalchemy import create_engine, text

from portal.database import autovacuum_off


def main(url: str) -> int:
    try:
        with create_engine(url).connect() as connection:
            connection.execute(text("SELECT 1"))
            if autovacuum_off(connection):
                print(f"Peringatan: autovacuum mati di {url.split('@')[-1]}: statistik perencana kueri "
                      "akan basi setelah impor besar (jalankan ANALYZE atau hidupkan autovacuum).",
                      file=sys.stderr)
    except Exception as error:  # noqa: BLE001 - any failure means the database is unusable
        print(f"Database {url.split('@')[-1]} unreachable: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
