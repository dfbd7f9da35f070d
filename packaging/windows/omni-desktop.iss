; Inno Setup 6 script for omni-desktop: a per-user installer (no administrator rights needed)
; with a Start-menu entry and an uninstaller (Settings > Apps, or the Start-menu folder).
; Built by `bash packaging/build.sh` on Windows (Git Bash), which passes:
;   /DAppVersion=<omni_desktop.__version__> /DNumericVersion=<its X.Y.Z part>
;   /DBundleDir=<dist\omni-desktop> /O<dist>
; By hand: iscc /DAppVersion=0.1.0 /O..\..\dist omni-desktop.iss

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging/build.sh does)
#endif
#ifndef NumericVersion
  #define NumericVersion AppVersion
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\omni-desktop"
#endif

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{6F1C7E52-8E0B-4C55-9A3E-0D2B7A9C41F3}
AppName=omni-desktop
AppVersion={#AppVersion}
AppVerName=omni-desktop {#AppVersion}
AppPublisher=omni-desktop developers
VersionInfoVersion={#NumericVersion}
; Per user: installs under %LOCALAPPDATA%\Programs, no UAC prompt; the user may still choose
; "install for all users" in the dialog, which then asks for administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
DefaultDirName={autopf}\omni-desktop
DefaultGroupName=omni-desktop
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\omni-desktop.ico
UninstallDisplayIcon={app}\omni-desktop.exe
UninstallDisplayName=omni-desktop {#AppVersion}
OutputBaseFilename=omni-desktop-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: omni-desktop.exe (the window), omni-desktop-cli.exe (the
; console twin for `send`, `sandbox` and `--version`) and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries whole, so no stale file from an older build stays.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\omni-desktop"; Filename: "{app}\omni-desktop.exe"; Comment: "Compose and send Infobip OMNI failover messages"
Name: "{autodesktop}\omni-desktop"; Filename: "{app}\omni-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\omni-desktop.exe"; Description: "{cm:LaunchProgram,omni-desktop}"; Flags: nowait postinstall skipifsilent
