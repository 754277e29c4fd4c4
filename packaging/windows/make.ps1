# The Makefile's commands for Windows (PowerShell), from the repository root:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\make.ps1 run
#   powershell -ExecutionPolicy Bypass -File packaging\windows\make.ps1 test
#   ... bundle | bundle-check | installer
# Needs only Python 3.11+ (the py launcher or python on PATH); Inno Setup 6 for "installer".
param([Parameter(Position = 0)][ValidateSet("run", "test", "bundle", "bundle-check", "installer")]
      [string]$Target = "run")
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path "$PSScriptRoot\..\..")
$env:UV_PYTHON_DOWNLOADS = "never"

function Invoke-Checked([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $($Arguments -join ' ') failed ($LASTEXITCODE)" }
}

$python = if (Get-Command py -ErrorAction SilentlyContinue) { "py" } else { "python" }
$pythonArgs = if ($python -eq "py") { @("-3") } else { @() }
$uv = ".uv\Scripts\uv.exe"
if (-not (Test-Path $uv)) {  # uv, pinned and hash-checked, in its own small venv
    Invoke-Checked $python ($pythonArgs + @("-m", "venv", ".uv"))
    Invoke-Checked ".uv\Scripts\python.exe" @("-m", "pip", "install", "--quiet",
        "--require-hashes", "-r", "packaging\uv-bootstrap.txt")
}
$interpreter = (& $python @pythonArgs -c "import sys; print(sys.executable)").Trim()

switch ($Target) {
    "run" {
        Invoke-Checked $uv @("sync", "--frozen", "--inexact", "--python", $interpreter)
        Invoke-Checked ".venv\Scripts\python.exe" @("main.py")
    }
    "test" {
        Invoke-Checked $uv @("sync", "--frozen", "--inexact", "--extra", "test", "--python", $interpreter)
        Invoke-Checked ".venv\Scripts\ruff.exe" @("check", "norddjurs_desktop", "tests", "benchmarks", "main.py", "packaging", "setup.py")
        Invoke-Checked ".venv\Scripts\mypy.exe" @()
        Invoke-Checked ".venv\Scripts\lint-imports.exe" @()
        Invoke-Checked ".venv\Scripts\python.exe" @("packaging\third_party_notices.py", "--check")
        $env:QT_QPA_PLATFORM = "offscreen"
        Invoke-Checked ".venv\Scripts\python.exe" @("-m", "pytest")
    }
    { $_ -in "bundle", "bundle-check", "installer" } {
        $env:UV_PROJECT_ENVIRONMENT = ".venv-bundle"
        Invoke-Checked $uv @("sync", "--frozen", "--extra", "bundle", "--no-install-project", "--python", $interpreter)
        Remove-Item -Recurse -Force dist\Fremmoedepaletten, build\pyinstaller -ErrorAction SilentlyContinue
        Invoke-Checked ".venv-bundle\Scripts\pyinstaller.exe" @("--noconfirm", "--log-level", "WARN",
            "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\fremmoedepaletten.spec")
        if ($Target -ne "bundle") {
            Invoke-Checked ".venv-bundle\Scripts\python.exe" @("packaging\bundle_check.py", "dist\Fremmoedepaletten")
        }
        if ($Target -eq "installer") {
            $version = (& ".venv-bundle\Scripts\python.exe" "packaging\windows\version_info.py" "--print").Trim()
            $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
            Invoke-Checked $iscc @("/DAppVersion=$version", "packaging\windows\fremmoedepaletten.iss")
        }
    }
}
