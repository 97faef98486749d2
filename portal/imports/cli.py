def attach(units_group, employees_group) -> None:
    return None
