"""Results from the ministry's other systems (§E.8, §I.1): competency assessment results and
the yearly SKP rating, loaded through the import pipeline (``portal.imports``) or written by a
service account through API v1 with a write-scoped token."""
