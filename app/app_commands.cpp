// The command table (App::MakeCommands): every user action with a menu item or a shortcut, declared
// once. A new action is one add(...) here; the menus, the shortcuts, `--list-commands`, the palette
// and the toolbar's buttons all follow from it (app/views/commands.h).
#define GLFW_INCLUDE_NONE  // only the key codes: no GL header
#include <GLFW/glfw3.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/platform/i18n.h"
#include "app/views/commands.h"
#include "core/edit/journey_commands.h"
#include "core/io/templates.h"

namespace jb {

// The command table: every user action with a menu item or a shortcut, in menu order. The menu
// bar and the shortcuts are generated from it; `journeyboard --list-commands` prints it (with
// `app` null: nothing is run then).
std::vector<Command> App::MakeCommands(App* app) {
  auto key = [](int code, const char* name) { return Shortcut{code, false, false, name}; };
  auto ctrl = [](int code, const char* name) { return Shortcut{code, true, false, name}; };
  auto ctrlShift = [](int code, const char* name) { return Shortcut{code, true, true, name}; };
  std::vector<Command> table;
  table.reserve(64);  // each Command& below is used before the next add()
  // One command: the rest (enabled, checked, widget, separator) is set on what it returns.
  auto add = [&table](std::string id, std::string menu, std::string label, std::vector<Shortcut> keys,
                      std::function<void()> run) -> Command& {
    Command& command = table.emplace_back();
    command.id = std::move(id);
    command.menu = std::move(menu);
    command.label = std::move(label);
    command.keys = std::move(keys);
    command.run = std::move(run);
    return command;
  };
  auto selection = [app] { return app->m_canvas.HasSelection(); };

  // File
  for (const TemplateInfo& info : Templates()) {
    const Template id = info.id;
    add(std::string("file.new.") + info.key, N_("File") " ▸ " N_("New from template"), info.title, {}, [app, id] {
      app->m_pendingTemplate = id;
      app->StartOrConfirm(Pending::New);
    });
  }
  add("file.new", N_("File"), N_("New..."), {ctrl(GLFW_KEY_N, "Ctrl+N")}, [app] { app->m_chooseTemplate = true; });
  add("file.start", N_("File"), N_("Start screen..."), {}, [app] { app->m_start.Request(); }).widget = "menu.file.start";
  add("file.open", N_("File"), N_("Open..."), {ctrl(GLFW_KEY_O, "Ctrl+O")}, [app] { app->StartOrConfirm(Pending::Open); });
  Command& recent = add("file.open_recent", N_("File"), N_("Open recent"), {}, {});
  recent.enabled = [app] { return !app->m_recent.empty(); };
  recent.items = [app] { return app->m_recent; };
  recent.runItem = [app](const std::string& path) {
    app->m_pending = Pending::None;
    if (!app->m_document.IsDirty()) app->OpenFile(path);
    else app->ShowError(_("Save or discard the current changes before opening another board."));
  };
  add("file.import_table", N_("File"), N_("Import table..."), {}, [app] { app->StartOrConfirm(Pending::ImportTable); })
      .widget = "menu.file.import_table";
  add("file.save", N_("File"), N_("Save"), {ctrl(GLFW_KEY_S, "Ctrl+S")}, [app] { app->Save(); }).separatorBefore = true;
  add("file.save_as", N_("File"), N_("Save As..."), {ctrlShift(GLFW_KEY_S, "Ctrl+Shift+S")}, [app] { app->RequestSaveAs(); });
  add("file.properties", N_("File"), N_("Board properties..."), {}, [app] { app->m_propertiesRequested = true; }).widget =
      "menu.file.properties";
  add("file.export", N_("File"), N_("Export PNG..."), {ctrl(GLFW_KEY_E, "Ctrl+E")}, [app] { app->RequestExport(); })
      .separatorBefore = true;
  add("file.snapshot", N_("File"), N_("Quick snapshot"), {ctrlShift(GLFW_KEY_E, "Ctrl+Shift+E")}, [app] { app->QuickSnapshot(); });
  add("file.export_table", N_("File"), N_("Export table..."), {}, [app] { app->RequestExportTable(); }).widget =
      "menu.file.export_table";
  // The follow-up: funnel, pains, opportunities, who does what by when (app_export_report.cpp).
  add("file.export_report", N_("File"), N_("Export report..."), {ctrlShift(GLFW_KEY_R, "Ctrl+Shift+R")},
      [app] { app->RequestExportReport(); })
      .widget = "menu.export_report";
  add("file.export_page", N_("File"), N_("Export page..."), {}, [app] { app->RequestExportPage(); }).widget =
      "menu.file.export_page";
  // The room (issue 21): phones on the local network send notes to the inbox (app/views/room_panel.h).
  Command& invite = add("file.invite", N_("File"), N_("Invite participants..."), {key(GLFW_KEY_I, "I")}, [app] {
    if (app->m_room.server.Running()) app->m_room.showInvite = true;
    else app->OpenRoom(RoomOptions{app->m_room.network}, /*print=*/false);
  });
  invite.separatorBefore = true;
  invite.widget = "menu.invite";
  Command& inbox = add("file.inbox", N_("File"), N_("Inbox"), {}, [app] { app->m_room.showInbox = !app->m_room.showInbox; });
  inbox.checked = [app] { return app->m_room.showInbox; };
  inbox.widget = "menu.inbox";
  add("file.quit", N_("File"), N_("Quit"), {ctrl(GLFW_KEY_Q, "Ctrl+Q")}, [app] { app->StartOrConfirm(Pending::Quit); })
      .separatorBefore = true;

  // Edit
  Command& undo = add("edit.undo", N_("Edit"), N_("Undo"), {ctrl(GLFW_KEY_Z, "Ctrl+Z")}, [app] { app->Undo(); });
  undo.enabled = [app] { return app->m_document.CanUndo(); };
  undo.dynamicLabel = [app] { return app->m_document.CanUndo() ? Format(_("Undo %s"), _(app->m_document.UndoLabel().c_str())) : std::string(_("Undo")); };
  Command& redo = add("edit.redo", N_("Edit"), N_("Redo"), {ctrlShift(GLFW_KEY_Z, "Ctrl+Shift+Z"), ctrl(GLFW_KEY_Y, "Ctrl+Y")},
                      [app] { app->Redo(); });
  redo.enabled = [app] { return app->m_document.CanRedo(); };
  redo.dynamicLabel = [app] { return app->m_document.CanRedo() ? Format(_("Redo %s"), _(app->m_document.RedoLabel().c_str())) : std::string(_("Redo")); };
  Command& cut = add("edit.cut", N_("Edit"), N_("Cut"), {ctrl(GLFW_KEY_X, "Ctrl+X")}, [app] { app->m_canvas.CutSelection(app->m_document); });
  cut.enabled = selection;
  cut.separatorBefore = true;
  add("edit.copy", N_("Edit"), N_("Copy"), {ctrl(GLFW_KEY_C, "Ctrl+C")}, [app] { app->m_canvas.CopySelection(app->m_document); })
      .enabled = selection;
  add("edit.paste", N_("Edit"), N_("Paste"), {ctrl(GLFW_KEY_V, "Ctrl+V")}, [app] { app->m_canvas.Paste(app->m_document); });
  add("edit.paste_table", N_("Edit"), N_("Paste table as a new board"), {ctrlShift(GLFW_KEY_V, "Ctrl+Shift+V")},
      [app] { app->PasteTable(); });
  add("edit.duplicate", N_("Edit"), N_("Duplicate"), {ctrl(GLFW_KEY_D, "Ctrl+D")},
      [app] { app->m_canvas.DuplicateSelection(app->m_document); })
      .enabled = selection;
  Command& erase = add("edit.delete", N_("Edit"), N_("Delete"), {key(GLFW_KEY_DELETE, "Del"), key(GLFW_KEY_BACKSPACE, "Backspace")},
                       [app] { app->m_canvas.DeleteSelection(app->m_document); });
  erase.enabled = selection;
  // The keys also delete the selected emotion point (first, when there is one).
  erase.runByKey = [app] { app->m_canvas.DeleteSelected(app->m_document); };
  add("edit.select_all", N_("Edit"), N_("Select all"), {ctrl(GLFW_KEY_A, "Ctrl+A")}, [app] { app->m_canvas.SelectAll(app->m_document); })
      .separatorBefore = true;
  add("edit.find", N_("Edit"), N_("Find..."), {ctrl(GLFW_KEY_F, "Ctrl+F")}, [app] { app->m_find.Open(); });

  // Journey
  add("journey.voting", N_("Journey"), N_("Voting mode"), {key(GLFW_KEY_V, "V")}, [app] { app->m_canvas.voting = !app->m_canvas.voting; })
      .checked = [app] { return app->m_canvas.voting; };
  Command& reset = add("journey.reset_votes", N_("Journey"), N_("Reset all votes"), {},
                       [app] { app->m_document.Apply(ResetVotes(app->m_document.board()), N_("Reset votes")); });
  reset.enabled = [app] { return TotalVotes(app->m_document.board()) > 0; };
  reset.widget = "menu.reset_votes";
  // Voting rounds (round_panel.h): the phones and the room vote; the result shows at the end.
  Command& round = add("journey.round", N_("Journey"), N_("Voting round..."), {}, [app] { app->m_round.show = !app->m_round.show; });
  round.checked = [app] { return app->m_round.show; };
  round.widget = "menu.round";
  auto roundOpen = [app] { return app->m_room.server.WithRound([](const VoteRound& r) { return r.Open(); }); };
  Command& endRound = add("journey.end_round", N_("Journey"), N_("End voting round"), {},
                          [app] { app->m_round.End(app->m_document, app->m_room.server); });
  endRound.enabled = roundOpen;
  endRound.widget = "menu.end_round";
  Command& personas = add("journey.personas", N_("Journey"), N_("Personas and curves"), {ctrl(GLFW_KEY_P, "Ctrl+P")},
                          [app] { app->m_showPersonas = !app->m_showPersonas; });
  personas.checked = [app] { return app->m_showPersonas; };
  personas.separatorBefore = true;
  add("journey.inspector", N_("Journey"), N_("Inspector"), {ctrl(GLFW_KEY_I, "Ctrl+I")}, [app] { app->m_showInspector = !app->m_showInspector; })
      .checked = [app] { return app->m_showInspector; };
  // The top pains and what the workshop left unfinished (checks_panel.h).
  Command& checks = add("journey.checks", N_("Journey"), N_("Map checks"), {ctrlShift(GLFW_KEY_C, "Ctrl+Shift+C")},
                        [app] { app->m_showChecks = !app->m_showChecks; });
  checks.checked = [app] { return app->m_showChecks; };
  checks.widget = "menu.checks";
  // Filter by persona: a view (never saved, no undo step); the first nine personas by their place.
  Command& everyone = add("journey.filter.everyone", N_("Journey") " ▸ " N_("Filter by persona"), N_("Everyone"), {},
                          [app] { app->m_canvas.personaFilter = PersonaId(); });
  everyone.checked = [app] { return !app->m_document.board().FindPersona(app->m_canvas.personaFilter); };
  everyone.widget = "menu.filter.everyone";
  for (int n = 1; n <= 9; ++n) {
    auto nth = [app, n]() -> const Persona* {
      const auto& personas = app->m_document.board().personas;
      return n <= int(personas.size()) ? &personas[size_t(n - 1)] : nullptr;
    };
    Command& filter = add("journey.filter." + std::to_string(n), N_("Journey") " ▸ " N_("Filter by persona"),
                          Format(N_("Persona %d"), n), {}, [app, nth] {
                            if (const Persona* persona = nth()) app->m_canvas.personaFilter = persona->id;
                          });
    filter.enabled = [nth] { return nth() != nullptr; };
    filter.checked = [app, nth] { return nth() && nth()->id == app->m_canvas.personaFilter; };
    filter.dynamicLabel = [nth, n] {
      const Persona* persona = nth();
      return persona ? Format(_("Persona %d: %s"), n, persona->name.c_str()) : Format(_("Persona %d"), n);
    };
    filter.widget = "menu.filter." + std::to_string(n);
  }
  // Any number of personas: steps Everyone → the first → … → the last → Everyone.
  Command& nextPersona = add("journey.filter.next", N_("Journey") " ▸ " N_("Filter by persona"), N_("Next persona"),
                             {ctrlShift(GLFW_KEY_P, "Ctrl+Shift+P")}, [app] {
                               const auto& personas = app->m_document.board().personas;
                               const auto at = std::find_if(personas.begin(), personas.end(), [app](const Persona& p) {
                                 return p.id == app->m_canvas.personaFilter;
                               });
                               const auto next = at == personas.end() ? personas.begin() : at + 1;
                               app->m_canvas.personaFilter = next == personas.end() ? PersonaId() : next->id;
                               const Persona* shown = app->m_document.board().FindPersona(app->m_canvas.personaFilter);
                               app->Status(shown ? Format(_("Showing what concerns %s."), shown->name.c_str())
                                                 : std::string(_("Showing everyone's notes.")));
                             });
  nextPersona.enabled = [app] { return !app->m_document.board().personas.empty(); };
  nextPersona.separatorBefore = true;
  nextPersona.widget = "menu.filter.next";
  Command& metrics = add("journey.metrics", N_("Journey"), N_("Metrics"), {ctrl(GLFW_KEY_M, "Ctrl+M")},
                         [app] { app->m_showMetrics = !app->m_showMetrics; });
  metrics.checked = [app] { return app->m_showMetrics; };
  metrics.widget = "menu.metrics";
  // Solutions scored by value and effort, quick wins first (opportunities_panel.cpp).
  Command& opportunities = add("journey.opportunities", N_("Journey"), N_("Opportunities"),
                               {ctrlShift(GLFW_KEY_O, "Ctrl+Shift+O")},
                               [app] { app->m_showOpportunities = !app->m_showOpportunities; });
  opportunities.checked = [app] { return app->m_showOpportunities; };
  opportunities.widget = "menu.opportunities";

  // Workshop: the timer; hide and reveal stages and lanes, cover mode (silent brainstorming) and Reveal
  add("workshop.timer", N_("Workshop"), N_("Timer..."), {Shortcut{GLFW_KEY_T, false, true, "Shift+T"}}, [app] { app->m_timer.Open(); });
  Command& cover = add("workshop.cover", N_("Workshop"), N_("Cover mode"), {key(GLFW_KEY_C, "C")}, [app] {
    app->m_canvas.coverMode = !app->m_canvas.coverMode;
    app->Status(app->m_canvas.coverMode ? _("Cover mode: new notes are face down.") : _("Cover mode is off."));
  });
  cover.checked = [app] { return app->m_canvas.coverMode; };
  cover.widget = "menu.cover";
  Command& reveal = add("workshop.reveal", N_("Workshop"), N_("Reveal covered notes"), {}, [app] {
    app->m_canvas.RevealCovered(app->m_document);
    app->m_canvas.coverMode = false;  // the round is over: notes added from now on are seen at once
  });
  reveal.enabled = [app] { return CountCovered(app->m_document.board()) > 0; };
  reveal.widget = "menu.reveal";
  add("view.hide_hovered", N_("Workshop"), N_("Hide or show the stage/lane under the mouse"), {key(GLFW_KEY_H, "H")},
      [app] { app->m_canvas.ToggleHiddenUnderMouse(app->m_document); })
      .separatorBefore = true;
  Command& showAll = add("workshop.show_all_hidden", N_("Workshop"), N_("Show all hidden"), {}, [app] {
    app->m_document.Apply(ShowAllHidden(app->m_document.board()), N_("Show all hidden"));
  });
  showAll.enabled = [app] { return CountHidden(app->m_document.board()) > 0; };
  showAll.widget = "menu.show_all_hidden";

  // View
  add("view.history", N_("View"), N_("History"), {ctrl(GLFW_KEY_H, "Ctrl+H")}, [app] { app->m_showHistory = !app->m_showHistory; })
      .checked = [app] { return app->m_showHistory; };
  add("view.palette", N_("View"), N_("Command palette..."), {ctrl(GLFW_KEY_K, "Ctrl+K")}, [app] { app->m_palette.Open(); });
  Command& present = add("view.present", N_("View"), N_("Present"), {key(GLFW_KEY_F5, "F5")}, [app] { app->TogglePresent(); });
  present.checked = [app] { return app->m_presenting; };
  present.widget = "menu.present";
  present.separatorBefore = true;
  Command& spotlight =
      add("view.spotlight", N_("View"), N_("Spotlight"), {key(GLFW_KEY_L, "L")}, [app] { app->m_canvas.spotlight = !app->m_canvas.spotlight; });
  spotlight.checked = [app] { return app->m_canvas.spotlight; };
  spotlight.widget = "menu.spotlight";
  // Room view: the board laid out and lettered for the back row (a view only: nothing in history).
  Command& room = add("view.room", N_("View"), N_("Room view"), {key(GLFW_KEY_R, "R")},
                      [app] { app->m_canvas.SetRoomView(!app->m_canvas.RoomView()); });
  room.checked = [app] { return app->m_canvas.RoomView(); };
  room.widget = "menu.room";
  // Focus: 1–9 glide to a stage; Left/Right step, unless notes are selected (then they nudge them).
  for (int n = 1; n <= 9; ++n) {
    static const char* const kDigits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
    Command& focus = add("view.focus." + std::to_string(n), N_("View") " ▸ " N_("Focus stage"), Format(N_("Stage %d"), n),
                         {key(GLFW_KEY_1 + n - 1, kDigits[n - 1]), key(GLFW_KEY_KP_1 + n - 1, kDigits[n - 1])},
                         [app, n] { app->m_canvas.FocusStage(n - 1); });
    focus.enabled = [app, n] { return n <= int(app->m_document.board().stages.size()); };
    focus.dynamicLabel = [app, n] {
      const auto& stages = app->m_document.board().stages;
      return n <= int(stages.size()) ? Format(_("Stage %d: %s"), n, stages[n - 1].name.c_str()) : Format(_("Stage %d"), n);
    };
    focus.runByKey = [app, n] {
      const int count = int(app->m_document.board().stages.size());
      if (!app->m_canvas.FocusStage(n - 1))
        app->Status(Format(TrPlural("There is no stage %d: this board has %d stage.",
                                     "There is no stage %d: this board has %d stages.", count), n, count));
    };
  }
  Command& previous = add("view.focus_prev", N_("View") " ▸ " N_("Focus stage"), N_("Previous stage"), {key(GLFW_KEY_LEFT, "Left")},
                          [app] { app->m_canvas.StepStage(-1); });
  previous.separatorBefore = true;
  previous.runByKey = [app] {
    if (!app->m_canvas.HasSelection()) app->m_canvas.StepStage(-1);  // else the canvas nudges the notes
  };
  add("view.focus_next", N_("View") " ▸ " N_("Focus stage"), N_("Next stage"), {key(GLFW_KEY_RIGHT, "Right")}, [app] { app->m_canvas.StepStage(1); })
      .runByKey = [app] {
    if (!app->m_canvas.HasSelection()) app->m_canvas.StepStage(1);
  };
  add("view.fit", N_("View"), N_("Zoom to fit"),
      {key(GLFW_KEY_F, "F"), key(GLFW_KEY_0, "0"), key(GLFW_KEY_KP_0, "0"), ctrl(GLFW_KEY_0, "Ctrl+0")},
      [app] { app->m_canvas.GlideToFit(); });
  add("view.zoom_in", N_("View"), N_("Zoom in"), {ctrl(GLFW_KEY_EQUAL, "Ctrl++"), ctrl(GLFW_KEY_KP_ADD, "Ctrl++")},
      [app] { app->m_canvas.ZoomBy(1.25f); });
  add("view.zoom_out", N_("View"), N_("Zoom out"), {ctrl(GLFW_KEY_MINUS, "Ctrl+-"), ctrl(GLFW_KEY_KP_SUBTRACT, "Ctrl+-")},
      [app] { app->m_canvas.ZoomBy(0.8f); });
  Command& followMonitor = add("view.ui_scale.auto", N_("View") " ▸ " N_("UI scale"), N_("Follow the monitor"), {},
                               [app] { app->m_uiScaleAuto = true; });
  followMonitor.checked = [app] { return app->m_uiScaleAuto; };
  followMonitor.widget = "menu.ui_scale.auto";
  for (float scale : {1.0f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f, 3.0f}) {
    char label[16];
    std::snprintf(label, sizeof label, "%.0f%%", scale * 100);
    Command& command = add(std::string("view.ui_scale.") + label, N_("View") " ▸ " N_("UI scale"), label, {}, [app, scale] {
      app->m_uiScale = scale;
      app->m_uiScaleAuto = false;  // chosen: saved, and kept on any monitor
    });
    command.checked = [app, scale] { return !app->m_uiScaleAuto && app->m_uiScale == scale; };
    command.widget = std::string("menu.ui_scale.") + label;
  }

  Command& toolbar =
      add("view.toolbar", N_("View"), N_("Toolbar"), {}, [app] { app->m_settings.toolbar = !app->m_settings.toolbar; });
  toolbar.checked = [app] { return app->m_settings.toolbar; };
  toolbar.widget = "menu.toolbar";
  for (Theme theme : {Theme::Light, Theme::Dark, Theme::Projector}) {
    const std::string name = ThemeName(theme);
    const char* label = theme == Theme::Light ? N_("Light") : theme == Theme::Dark ? N_("Dark") : N_("Projector");
    Command& command =
        add("view.theme." + name, N_("View") " ▸ " N_("Theme"), label, {}, [app, theme] { app->m_settings.theme = theme; });
    command.checked = [app, theme] { return app->m_settings.theme == theme; };
    command.widget = "menu.theme." + name;
  }

  // View ▸ Language: the interface's language, applied at once and remembered (Settings::language).
  for (const char* language : {"auto", "en", "ru"}) {
    const std::string setting = language == std::string("auto") ? "" : language;
    const char* label = setting.empty() ? N_("System") : setting == "en" ? "English" : "Русский";
    Command& command = add(std::string("view.language.") + language, N_("View") " ▸ " N_("Language"), label, {},
                           [app, setting] { app->SetLanguage(setting); });
    command.checked = [app, setting] { return app->m_settings.language == setting; };
    command.widget = std::string("menu.language.") + language;
  }

  // Arrange: grouping what is outside the grid.
  Command& frame = add("arrange.frame", N_("Arrange"), N_("Frame around selection"), {ctrlShift(GLFW_KEY_G, "Ctrl+Shift+G")},
                       [app] { app->m_canvas.FrameAroundSelection(app->m_document); });
  frame.enabled = selection;
  frame.widget = "menu.arrange.frame";

  // Tools (also the toolbar's first buttons, which the layout dump names tool.pan, tool.select,
  // tool.note): a left drag on empty canvas pans (touch friendly) or, with Select, draws a
  // selection rectangle; Add note makes the next tap add a note there.
  add("tool.pan", N_("Tools"), N_("Pan"), {}, [app] { app->m_canvas.tool = Canvas::Tool::Pan; }).checked = [app] {
    return app->m_canvas.tool == Canvas::Tool::Pan;
  };
  // One tool command: choosing it (again) keeps it chosen; the strip shows which is.
  auto tool = [&add, app](const char* id, const char* label, std::vector<Shortcut> keys, Canvas::Tool kind) -> Command& {
    Command& command = add(id, N_("Tools"), label, std::move(keys), [app, kind] { app->m_canvas.tool = kind; });
    command.checked = [app, kind] { return app->m_canvas.tool == kind; };
    return command;
  };
  tool("tool.select", N_("Select"), {key(GLFW_KEY_S, "S")}, Canvas::Tool::Select);
  add("tool.note", N_("Tools"), N_("Add note"), {key(GLFW_KEY_N, "N")}, [app] {
    Canvas::Tool& tool = app->m_canvas.tool;
    tool = tool == Canvas::Tool::Note ? Canvas::Tool::Pan : Canvas::Tool::Note;
  }).checked = [app] { return app->m_canvas.tool == Canvas::Tool::Note; };
  // Sketching (app/tools/*_tool.cpp): Esc puts any of them down and picks Select.
  tool("tool.pen", N_("Pen"), {key(GLFW_KEY_P, "P")}, Canvas::Tool::Pen).separatorBefore = true;
  tool("tool.highlighter", N_("Highlighter"), {Shortcut{GLFW_KEY_P, false, true, "Shift+P"}}, Canvas::Tool::Highlighter);
  tool("tool.eraser", N_("Eraser"), {key(GLFW_KEY_E, "E")}, Canvas::Tool::Eraser);
  tool("tool.arrow", N_("Arrow"), {key(GLFW_KEY_A, "A")}, Canvas::Tool::Arrow);
  tool("tool.frame", N_("Frame"), {Shortcut{GLFW_KEY_F, false, true, "Shift+F"}}, Canvas::Tool::Frame);
  tool("tool.text", N_("Text"), {key(GLFW_KEY_T, "T")}, Canvas::Tool::Text);
  // A setting: some hands want the raw line (saved with the settings, App::PersistSettings).
  Command& smoothing = add("tool.smoothing", N_("Tools"), N_("Smooth pen strokes"), {},
                           [app] { app->m_canvas.ink.smoothing = !app->m_canvas.ink.smoothing; });
  smoothing.checked = [app] { return app->m_canvas.ink.smoothing; };
  smoothing.separatorBefore = true;
  smoothing.widget = "menu.tools.smoothing";

  // Developers' tools: only with --debug (a facilitator never sees them).
  if (app && app->m_options.debug)
    add("debug.imgui_demo", N_("Debug"), N_("ImGui demo window"), {}, [app] { app->m_showDemo = !app->m_showDemo; })
        .checked = [app] { return app->m_showDemo; };

  // Help, last: F1 from anywhere (App::Shortcuts), F1 and ? (typed, on any keyboard layout) on the canvas.
  add(kHelpCommand, N_("Help"), N_("Keyboard shortcuts"), {key(GLFW_KEY_F1, "F1"), Shortcut{0, false, false, "?", U'?'}},
      [app] { app->m_help.Open(); })
      .widget = "menu.help.shortcuts";
  add("help.about", N_("Help"), N_("About Journeyboard"), {}, [app] { app->m_aboutRequested = true; }).widget = "menu.help.about";
  FinishCommands(table);
  return table;
}

// The submenus that are named in the layout dump, or follow a separator.
const std::vector<MenuInfo>& App::Menus() {
  static const std::vector<MenuInfo> menus = {{"File", "menu.file"},
                                              {"Journey", "menu.journey"},
                                              {"Journey ▸ Filter by persona", "menu.filter"},
                                              {"Workshop", "menu.workshop"},
                                              {"View", "menu.view"},
                                              {"View ▸ Focus stage", "menu.focus_stage"},
                                              {"View ▸ UI scale", "menu.ui_scale"},
                                              {"View ▸ Theme", "menu.theme"},
                                              {"View ▸ Language", "menu.language"},
                                              {"Arrange", "menu.arrange"},
                                              {"Tools", "menu.tools"},
                                              {"Help", "menu.help"},
                                              {"Debug", "", true}};
  return menus;
}

std::string ListCommands() { return CommandListText(App::MakeCommands(nullptr)); }

}  // namespace jb
