; Inno Setup 6 script: a per-user installer for Fremmødepaletten (no administrator rights).
; Built by packaging\windows\make.ps1 installer (after make.ps1 bundle-check), or by hand:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\fremmoedepaletten.iss
; Input: dist\Fremmoedepaletten\ (the PyInstaller folder). Output: dist\Fremmoedepaletten-<version>-setup.exe
;
; - Installs to %LOCALAPPDATA%\Programs\Fremmoedepaletten for the current user only.
; - Start-menu entry, optional desktop icon, an uninstaller under "Apps og funktioner".
; - Upgrade in place: the same AppId installs over the old version; the program folder is
;   replaced, the database is never touched (it lives in %LOCALAPPDATA%\Norddjurs Kommune\
;   Fremmødepaletten, not in the program folder). A running copy is closed first.
; - Silent: setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/CLOSEAPPLICATIONS]
;   Uninstall: unins000.exe /VERYSILENT /SUPPRESSMSGBOXES   (see packaging\README.md)

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Fremmødepaletten"
#define AppExe "fremmoedepaletten-gui.exe"
#define Root "..\.."

[Setup]
; Never change AppId: it is how an upgrade finds the installed version.
AppId={{6F1B2C7E-3D4A-4E59-9B8C-F2E0A1D5C374}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Norddjurs Kommune
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={userpf}\Fremmoedepaletten
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=Fremmoedepaletten-{#AppVersion}-setup
SetupIconFile=fremmoedepaletten.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
LicenseFile={#Root}\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder, so no module of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\Fremmoedepaletten\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program folder only. The database and its backups stay in
; %LOCALAPPDATA%\Norddjurs Kommune\Fremmødepaletten: they hold the unit's work.
