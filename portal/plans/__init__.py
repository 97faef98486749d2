"""Individual development plans (§F, G-02): drafted by the employee, agreed by the atasan."""
