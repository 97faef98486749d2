"""Reports: the employee JP transcript, the unit recap (KB-10 Rekapitulasi) and the mechanism
report, each as an HTML page, a PDF and an XLSX with the same content.

Plugins feed the recap and the mechanism report through ``portal_report_rows``.
"""
