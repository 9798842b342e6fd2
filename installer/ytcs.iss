; Inno Setup 6 (6.3 or newer) script: a per-user installer of the PyInstaller bundle dist\ytcs\.
; `python installer\build.py --installer` runs it with /DAppVersion=... /DBundleDir=... /O<dist>.
; No administrator rights: it installs to %LOCALAPPDATA%\Programs\YTCS Desktop and the user's Start menu.
; The station's data (%LOCALAPPDATA%\YTCS\ytcs-desktop) is never touched, not even by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\ytcs"
#endif

[Setup]
; AppId identifies the program to Windows across versions: never change it.
AppId={{F36293D5-74F7-4EA2-BAE2-3989B3496C3C}
AppName=YTCS Desktop
AppVersion={#AppVersion}
AppVerName=YTCS Desktop {#AppVersion}
AppPublisher=YTCS
DefaultDirName={autopf}\YTCS Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 1809 and later
MinVersion=10.0.17763
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
OutputBaseFilename=ytcs-desktop-{#AppVersion}-setup
UninstallDisplayName=YTCS Desktop
UninstallDisplayIcon={app}\ytcs.exe
; Replacing a running copy would leave a mix of two versions
CloseApplications=yes
#if FileExists(AddBackslash(SourcePath) + "..\resources\icons\ytcs.ico")
SetupIconFile=..\resources\icons\ytcs.ico
#endif

[Languages]
; Vietnamese first: it is the default when Windows' language is neither. Inno Setup ships no
; Vietnamese file of its own; installer\Vietnamese.isl is its unofficial translation (README.md).
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
Name: "vi"; MessagesFile: "Vietnamese.isl"
#else
  #pragma warning "installer\Vietnamese.isl missing: this installer speaks English only"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older bundle that this one no longer has
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
; `ytcs gui` opens the window; the console the program owns is hidden at start (hide_console in ytcs.spec)
Name: "{autoprograms}\YTCS Desktop"; Filename: "{app}\ytcs.exe"; Parameters: "gui"; WorkingDir: "{app}"
Name: "{autodesktop}\YTCS Desktop"; Filename: "{app}\ytcs.exe"; Parameters: "gui"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\ytcs.exe"; Parameters: "gui"; Description: "{cm:LaunchProgram,YTCS Desktop}"; Flags: nowait postinstall skipifsilent
