"""The built wheel, installed in a fresh virtual environment, runs and carries its checklists."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_installed_wheel_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = dist.glob("onlineveilig-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env |= {"ONLINEVEILIG_HOME": str(home), "LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "100"}
    # Run from outside the source tree, so nothing can come from the checkout.
    exe = env_dir / "bin" / "onlineveilig"
    helped = subprocess.run(
        [str(exe), "audit", "--help"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert helped.returncode == 0, helped.stderr
    assert "Gebruik: onlineveilig audit" in helped.stdout
    listing = subprocess.run(
        [str(exe), "--lang", "en", "checklists"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert listing.returncode == 0, listing.stderr
    assert "Your online presence" in listing.stdout and "Total" in listing.stdout
    where = subprocess.run(
        [str(python), "-c", "import onlineveilig.content.loader as l; print(l.builtin_dir())"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert str(env_dir) in where.stdout  # the checklists inside the installed package
    # The validated compiled copy ships too, so status reads it instead of validating again.
    assert (Path(where.stdout.strip()) / "compiled.json").is_file()
    helped_out = subprocess.run(
        [str(exe), "hulp", "--land", "be"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert helped_out.returncode == 0, helped_out.stderr
    assert "112" in helped_out.stdout
    shipped = subprocess.run(
        [
            str(python),
            "-c",
            "import onlineveilig, pathlib; p = pathlib.Path(onlineveilig.__file__).parent; "
            "print(*sorted(x.name for x in (p / 'templates').glob('*.html')))",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert shipped.stdout.split() == [
        "_page.html",
        "afspraken-blad.html",
        "incident-export.html",
        "report.html",
        "signalen.html",
        "team.html",
    ]
    # search-me reads the kinds of site from the installed checklists, with no network.
    saved = tmp_path / "saved.html"
    saved.write_text(
        '<html><body><div class="g"><a href="https://www.facebook.com/sanne.peeters">'
        "<h3>Sanne Peeters | Facebook</h3></a></div></body></html>",
        encoding="utf-8",
    )
    found = subprocess.run(
        [str(exe), "search-me", "Sanne Peeters", "--from-file", str(saved), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert found.returncode == 0, found.stderr
    assert '"category": "social"' in found.stdout
