"""A real OpenLDAP server for the directory sign-in tests (issue 20): Debian's ``slapd`` on a
loopback port with a throw-away configuration and database in a temporary folder — no mock.

Skips when ``/usr/sbin/slapd`` is missing, unless ``PORTAL_LDAP_TESTS=1`` requires it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SLAPD = Path("/usr/sbin/slapd")
SUFFIX = "dc=pu,dc=go,dc=id"
ADMIN_DN = f"cn=admin,{SUFFIX}"
ADMIN_PASSWORD = "admin-uji-ldap"
PEOPLE = f"ou=people,{SUFFIX}"
CONFIG = """include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile {folder}/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
suffix "{suffix}"
rootdn "{admin}"
rootpw {password}
directory {folder}/data
maxsize 10485760
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
"""
BASE_ENTRIES = f"""dn: {SUFFIX}
objectClass: dcObject
objectClass: organization
dc: pu
o: Kementerian Pekerjaan Umum

dn: {PEOPLE}
objectClass: organizationalUnit
ou: people
"""


def require_slapd() -> None:
    if not SLAPD.exists() and os.environ.get("PORTAL_LDAP_TESTS") != "1":
        pytest.skip(f"{SLAPD} not installed (apt-get install slapd ldap-utils; "
                    "PORTAL_LDAP_TESTS=1 requires it)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Directory:
    url: str
    process: subprocess.Popen

    def add_person(self, uid: str, nip: str, password: str) -> str:
        """Add an inetOrgPerson with ``employeeNumber`` = NIP; returns its DN."""
        from ldap3 import Connection, Server

        dn = f"uid={uid},{PEOPLE}"
        with Connection(Server(self.url.rstrip("/")), ADMIN_DN, ADMIN_PASSWORD, auto_bind=True) as admin:
            assert admin.add(dn, ["inetOrgPerson"], {"cn": uid, "sn": uid, "employeeNumber": nip,
                                                     "userPassword": password}), admin.result
        return dn

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def config(self, **extra) -> dict:
        return {"PORTAL_LDAP_URL": self.url, "PORTAL_LDAP_BASE_DN": SUFFIX,
                "PORTAL_LDAP_NIP_ATTRIBUTE": "employeeNumber", "PORTAL_LDAP_TIMEOUT": 3, **extra}


@pytest.fixture
def slapd(tmp_path) -> Iterator[Directory]:
    """slapd on ldap://127.0.0.1:<free port>/, stopped (and its folder dropped) after the test."""
    require_slapd()
    folder = tmp_path / "slapd"
    (folder / "data").mkdir(parents=True)
    config = folder / "slapd.conf"
    config.write_text(CONFIG.format(folder=folder, suffix=SUFFIX, admin=ADMIN_DN,
                                    password=ADMIN_PASSWORD))
    (folder / "base.ldif").write_text(BASE_ENTRIES)
    subprocess.run(["/usr/sbin/slapadd", "-f", str(config), "-l", str(folder / "base.ldif")],
                   check=True, capture_output=True)
    url = f"ldap://127.0.0.1:{_free_port()}/"
    process = subprocess.Popen([str(SLAPD), "-f", str(config), "-h", url, "-d", "0"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    directory = Directory(url, process)
    port = int(url.rsplit(":", 1)[1].strip("/"))
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode(errors="replace")) from None
            time.sleep(0.05)
    try:
        yield directory
    finally:
        directory.stop()
