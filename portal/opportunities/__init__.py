"""Opportunities open to an employee now, ranked by what closes their JP gap (issue 19)."""
