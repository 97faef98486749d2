"""Development records out (issue 20, §E.8, §I.1): every credited activity of an employee with
what a national course-history record (e-HRD/SIASN) needs, as CSV/XLSX/JSON downloads within
the caller's units and through API v1, with changes since a moment for incremental sync."""
