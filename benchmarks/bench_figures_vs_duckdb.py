"""The absence figures side by side with DuckDB computing the same, in one run.

    python benchmarks/bench_figures_vs_duckdb.py --dir /tmp/figures_bench --sizes 5000 20000
    PYTHONPATH=/path/to/other/tree python benchmarks/bench_figures_vs_duckdb.py --app-root ""

For each size the files of benchmarks/make_absence_files.py are made (seed 1)
with 22 persons moved to a team of their own ("Team 22", so "one team of 22
persons" exists at every size), imported into an app database with the app's
own `import-absence`, and copied into a DuckDB file with a working-day calendar
table (DuckDB knows no Danish holidays). Then, interleaved and best of
``--repeat``:

* whole unit, in-process: every figure of the data view from the loaded data
  vs DuckDB's query for the headline figures (persons, FTE, possible and sick
  working days, days per reason) over the same rows;
* the same after dropping the app's cache (read from SQLite + figures);
* one team of 22 persons; the trends (rolling 24 months + year-on-year);
* `stats --json` as a fresh process vs a DuckDB script in a fresh process;
* (first size only) the first data view in a fresh offscreen process: seconds
  to the cards and the visible chart, and the process's resident memory then.

``--app-root`` picks the source tree measured (default: this checkout; "" keeps
PYTHONPATH), so a "before" is the same command on the old tree (subprocesses run
in ``--dir``: ``python -m`` would otherwise put the current checkout first).
DuckDB is a benchmark-only dependency.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SMALL_TEAM = "Team 22"

HEADLINE_SQL = """
WITH emp AS (
    SELECT s.key, s.grade, s.f, s.t, count(*) AS employed
    FROM (SELECT key, grade, greatest(coalesce(employed_from, $p0), $p0) AS f,
                 least(coalesce(employed_to, $p1), $p1) AS t FROM staff) s
    JOIN cal c ON c.day BETWEEN s.f AND s.t
    GROUP BY ALL
),
clipped AS (
    SELECT a.key, a.reason, greatest(a.start, e.f) AS s,
           least(coalesce(a."end", least($p1, $data_end)), e.t) AS e
    FROM absence a JOIN emp e USING (key)
),
days AS (
    SELECT DISTINCT r.key, r.reason, c.day
    FROM clipped r JOIN cal c ON c.day BETWEEN r.s AND r.e
    WHERE r.s <= r.e
),
per_reason AS (
    SELECT reason, sum(e.grade) AS days FROM days JOIN emp e USING (key) GROUP BY reason
),
per_person AS (
    SELECT key,
           count(DISTINCT CASE WHEN reason IN ('Egen sygdom', '§56', 'Arbejdsskade')
                          THEN day END) AS sick,
           count(DISTINCT CASE WHEN reason IN ('Ferie', 'Feriefridag', 'Omsorgsdag')
                          THEN day END) AS away
    FROM days GROUP BY key
),
totals AS (
    SELECT count(*) AS persons,
           sum(e.grade * e.employed) / (SELECT count(*) FROM cal
                                        WHERE day BETWEEN $p0 AND $p1) AS fte,
           sum(e.grade * (e.employed - coalesce(p.away, 0))) AS possible_days,
           sum(e.grade * coalesce(p.sick, 0)) AS sick_days
    FROM emp e LEFT JOIN per_person p USING (key)
)
SELECT persons, fte, possible_days, sick_days, 100 * sick_days / possible_days,
       (SELECT list(struct_pack(reason := reason, days := days)) FROM per_reason)
FROM totals
"""

DUCK_SCRIPT = """import json, sys
from datetime import date
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
p0, p1, end = (date.fromisoformat(x) for x in sys.argv[2:5])
row = con.execute(open(sys.argv[5]).read(), {"p0": p0, "p1": p1, "data_end": end}).fetchone()
print(json.dumps({"persons": row[0], "fte": row[1], "possible_days": row[2],
                  "sick_days": row[3], "absence_pct": row[4],
                  "days_by_type": {r["reason"]: r["days"] for r in row[5]}}))
"""


def best(samples: list[float]) -> str:
    return f"{min(samples) * 1000:8.1f} ms"


def clock(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def prepare(folder: Path, staff: int, env: dict[str, str]) -> tuple[Path, Path]:
    """The app database and the DuckDB file for ``staff`` persons (made once, then reused)."""
    import duckdb
    from make_absence_files import make_files

    folder.mkdir(parents=True, exist_ok=True)
    staff_csv, absence_csv = folder / "medarbejdere.csv", folder / "fravaer.csv"
    if not absence_csv.exists():
        make_files(folder, staff, 1)
        with staff_csv.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        team = rows[0].index("Team")
        for row in rows[1:1 + 22]:
            row[team] = SMALL_TEAM
        with staff_csv.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
    app_db, duck_db = folder / "app.sqlite", folder / "duck.duckdb"
    if not app_db.exists():
        subprocess.run([sys.executable, "-m", "norddjurs_desktop", "import-absence", "--db",
                        str(app_db), "--unit", "Kommunen", "--staff", str(staff_csv),
                        "--absence", str(absence_csv)], check=True, env=env, cwd=folder)
    if not duck_db.exists():
        from norddjurs_desktop.domain.workdays import is_working_day
        from norddjurs_desktop.services.absence_stats import load_dataset
        from norddjurs_desktop.storage.database import open_database

        # The rows exactly as the app reads them back (its public reader, not its tables:
        # how they are stored is the app's business and has changed).
        source = open_database(app_db)
        dataset = load_dataset(source, source.read("SELECT id FROM unit")[0][0])
        source.close()
        assert dataset is not None
        con = duckdb.connect(str(duck_db))
        con.execute("CREATE TABLE staff (key VARCHAR, team VARCHAR, job_group VARCHAR, age INT,"
                    " grade DOUBLE, employed_from DATE, employed_to DATE)")
        con.execute('CREATE TABLE absence (key VARCHAR, reason VARCHAR, start DATE, "end" DATE)')
        for table, rows in (
            ("staff", [(m.key, m.team, m.job_group, m.age, m.grade, m.employed_from,
                        m.employed_to) for m in dataset.staff]),
            ("absence", [(r.key, r.reason, r.start, r.end) for r in dataset.absences]),
        ):
            temp = folder / f"{table}.tmp.csv"
            with temp.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle).writerows(rows)
            con.execute(f"INSERT INTO {table} SELECT * FROM read_csv(?, header=false)",
                        [str(temp)])
            temp.unlink()
        first = min([r.start for r in dataset.absences]
                    + [m.employed_from for m in dataset.staff if m.employed_from])
        last = max(r.end or r.start for r in dataset.absences)
        con.execute("CREATE TABLE cal (day DATE)")
        days = [date(first.year, 1, 1) + timedelta(days=i)
                for i in range((date(last.year + 1, 12, 31) - date(first.year, 1, 1)).days + 1)]
        con.executemany("INSERT INTO cal VALUES (?)", [(d,) for d in days if is_working_day(d)])
        con.close()
    return app_db, duck_db


def view_probe(db_path: Path) -> None:
    """(In a fresh process.) Seconds to the first data view's cards and chart; RSS then.

    Cold: matplotlib is not warmed first (bench_first_data_view.py measures both ways).
    """
    from bench_first_data_view import probe

    probe(db_path, warm=False, wait=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/figures_bench"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--app-root", default=str(HERE.parent))
    parser.add_argument("--view-probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.app_root:
        sys.path.insert(0, args.app_root)
    sys.path.insert(0, str(HERE))
    if args.view_probe:
        view_probe(args.view_probe)
        return
    env = dict(os.environ)
    if args.app_root:
        env["PYTHONPATH"] = os.pathsep.join([args.app_root, env.get("PYTHONPATH", "")])
    env["QT_QPA_PLATFORM"] = "offscreen"

    import duckdb

    import norddjurs_desktop
    from norddjurs_desktop.domain import absence as domain
    from norddjurs_desktop.services import absence_stats as stats_service
    from norddjurs_desktop.services.absence_figures import TrendCache
    from norddjurs_desktop.storage.database import open_database
    print(f"app: {Path(norddjurs_desktop.__file__).parent}; duckdb {duckdb.__version__}")
    sql_file = args.dir / "headline.sql"
    script = args.dir / "duck_stats.py"
    args.dir.mkdir(parents=True, exist_ok=True)
    sql_file.write_text(HEADLINE_SQL, encoding="utf-8")
    script.write_text(DUCK_SCRIPT, encoding="utf-8")
    for n, size in enumerate(args.sizes):
        app_db, duck_db = prepare(args.dir / str(size), size, env)
        db = open_database(app_db)
        unit_id = db.read("SELECT id FROM unit")[0][0]
        dataset = stats_service.load_dataset(db, unit_id)
        assert dataset is not None
        info = dataset.info
        p1, data_end = info.period_to, info.period_to
        p0 = p1 - timedelta(days=364)
        columns = getattr(dataset, "columns", None)

        def figures(team: str | None, dataset=dataset, columns=columns, p0=p0, p1=p1,
                    data_end=data_end) -> domain.AbsenceStats:
            if columns is not None:
                from norddjurs_desktop.domain.absence_metrics import column_stats
                return column_stats(columns, p0, p1, team, data_end)
            return domain.compute_stats(dataset.staff, dataset.absences, p0, p1, team=team,
                                        data_end=data_end)

        def cold(db=db, unit_id=unit_id) -> None:
            stats_service.forget_dataset(db)
            stats_service.unit_stats(db, unit_id)

        duck = duckdb.connect(str(duck_db), read_only=True)
        params = {"p0": p0, "p1": p1, "data_end": data_end}
        duck_row = duck.execute(HEADLINE_SQL, params).fetchone()
        app = figures(None)
        print(f"\n{size} staff, {info.absence_rows} rows; period {p0} – {p1}")
        print(f"  check: app persons {app.persons}, sick {app.sick_days:.2f}, possible "
              f"{app.possible_days:.2f}; duckdb {duck_row[0]}, {duck_row[3]:.2f}, "
              f"{duck_row[2]:.2f}")
        app_cmd = [sys.executable, "-m", "norddjurs_desktop", "stats", "--db", str(app_db),
                   "--unit", "Kommunen", "--json"]
        duck_cmd = [sys.executable, str(script), str(duck_db), p0.isoformat(), p1.isoformat(),
                    data_end.isoformat(), str(sql_file)]
        times: dict[str, list[float]] = {}
        for _ in range(args.repeat):
            for label, work in (
                ("whole unit, app (loaded)", lambda: figures(None)),
                ("whole unit, duckdb query", lambda d=duck, p=params: d.execute(
                    HEADLINE_SQL, p).fetchone()),
                ("whole unit, app from SQLite (no cache)", cold),
                (f"one team ({SMALL_TEAM})", lambda: figures(SMALL_TEAM)),
                ("trends (rolling 24 + yearly)", lambda ds=dataset: TrendCache().get(ds, None)),
                ("stats --json, app process", lambda c=app_cmd: subprocess.run(
                    c, check=True, env=env, capture_output=True, cwd=args.dir)),
                ("stats --json, duckdb process", lambda c=duck_cmd: subprocess.run(
                    c, check=True, env=env, capture_output=True, cwd=args.dir)),
            ):
                times.setdefault(label, []).append(clock(work))
        for label, samples in times.items():
            print(f"  {label:<40} {best(samples)}")
        duck.close()
        db.close()
        if n == 0:
            runs = [json.loads(subprocess.run(
                [sys.executable, __file__, "--app-root", args.app_root, "--view-probe",
                 str(app_db)], check=True, env=env, capture_output=True, text=True, cwd=args.dir,
            ).stdout.strip().splitlines()[-1]) for _ in range(args.repeat)]
            print(f"  first data view: {min(r['seconds'] for r in runs):.2f} s, "
                  f"RSS {min(r['rss_mib'] for r in runs):.0f} MiB (best of {len(runs)})")


if __name__ == "__main__":
    main()
