"""``python -m portal.dbcheck URL``: fail loudly when a configured test database is unreachable."""

import sys

from sqlalchemy import create_engine, text


def main(url: str) -> int:
    try:
        with create_engine(url).connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any failure means the database is unusable
        print(f"Database {url.split('@')[-1]} unreachable: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
