"""The programme list's search, filters and query (search/filter/pagination)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, or_

from portal.sdk import Account, arg, year_filter
from portal_outbound.models import STATUS, OutboundProgramme
from portal_outbound.scope import organised_by


@dataclass
class ProgrammeFilters:
    q: str = ""
    status: str = ""
    year: str = ""

    @classmethod
    def from_request(cls) -> ProgrammeFilters:
        return cls(arg("q", max_length=100), arg("status", tuple(STATUS)),
                   year_filter("tahun"))

    def as_args(self) -> dict:
        values = {"q": self.q, "status": self.status, "tahun": self.year}
        return {k: v for k, v in values.items() if v}

    def apply(self, query: Select) -> Select:
        if self.q:
            query = query.where(or_(OutboundProgramme.judul.icontains(self.q, autoescape=True),
                                    OutboundProgramme.tempat.icontains(self.q, autoescape=True),
                                    OutboundProgramme.fasilitator.icontains(self.q, autoescape=True)))
        if self.status:
            query = query.where(OutboundProgramme.status == self.status)
        if self.year:
            year = int(self.year)
            query = query.where(OutboundProgramme.tanggal_mulai >= dt.date(year, 1, 1),
                                OutboundProgramme.tanggal_mulai < dt.date(year + 1, 1, 1))
        return query


def organiser_list(user: Account, filters: ProgrammeFilters) -> Select:
    return filters.apply(organised_by(user))
