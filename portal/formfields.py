"""Small WTForms helpers shared by the core's forms."""

from wtforms.fields.choices import SelectChoice


def choices(labels: dict[str, str]) -> list[SelectChoice]:
    """Select options from a {value: label} mapping (WTForms 3.3+ SelectChoice)."""
    return [SelectChoice(value, label) for value, label in labels.items()]
