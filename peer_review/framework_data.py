"""Load a review framework from a data file (the default one ships in peer_review/data/).

Used by the data migration (with historical models), the `load_review_framework` command and
the demo loader. Loading a framework whose slug exists already adds nothing.
"""

import json
from pathlib import Path

DEFAULT_FRAMEWORK_FILE = Path(__file__).parent / "data" / "default_framework.json"


def read_framework(path: Path = DEFAULT_FRAMEWORK_FILE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_framework(data: dict, *, models) -> tuple[object, bool]:
    """Create the framework, its first version, domains, criteria and levels. `models` maps
    model names to classes (real or historical). Returns (framework, created)."""
    existing = models["Framework"].objects.filter(slug=data["slug"]).first()
    if existing is not None:
        return existing, False
    framework = models["Framework"].objects.create(
        name=data["name"], slug=data["slug"], description=data["description"]
    )
    spec = data["version"]
    version = models["FrameworkVersion"].objects.create(
        framework=framework,
        number=spec["number"],
        ready=True,
        notes=spec.get("notes", ""),
        evidence_guidance=spec.get("evidence_guidance", ""),
    )
    labels = dict(spec["levels"])
    for domain_position, domain_spec in enumerate(spec["domains"]):
        domain = models["Domain"].objects.create(
            version=version,
            title=domain_spec["title"],
            description=domain_spec.get("description", ""),
            sort_order=domain_position,
        )
        for criterion_position, criterion_spec in enumerate(domain_spec["criteria"]):
            criterion = models["Criterion"].objects.create(
                domain=domain,
                code=criterion_spec["code"],
                title=criterion_spec["title"],
                description=criterion_spec.get("description", ""),
                evidence_guidance=criterion_spec.get("evidence_guidance", ""),
                sort_order=criterion_position,
            )
            for number, descriptor in enumerate(criterion_spec["descriptors"], start=1):
                models["RubricLevel"].objects.create(
                    criterion=criterion,
                    number=number,
                    label=labels[number],
                    descriptor=descriptor,
                    sort_order=number,
                )
    return framework, True


MODEL_NAMES = ("Framework", "FrameworkVersion", "Domain", "Criterion", "RubricLevel")


def load_default_framework(app_registry=None):
    """Load the default framework with the real models, or a migration's `apps`."""
    if app_registry is None:
        from django.apps import apps as app_registry  # the app registry is ready only at call time
    models = {name: app_registry.get_model("peer_review", name) for name in MODEL_NAMES}
    return load_framework(read_framework(), models=models)
