#include "app/views/commands.h"

#include <imgui.h>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"

namespace jb {

namespace {

constexpr const char* kPathSeparator = " ▸ ";

std::string JoinPath(const std::vector<std::string>& path, size_t count) {
  std::string joined;
  for (size_t i = 0; i < count; ++i) joined += (i ? kPathSeparator : "") + path[i];
  return joined;
}

void ShowItem(const Command& command) {
  if (command.separatorBefore) ImGui::Separator();
  const bool enabled = !command.enabled || command.enabled();
  // The table holds English (N_); menus show the interface's language.
  const std::string label = command.dynamicLabel ? command.dynamicLabel() : _(command.label.c_str());
  if (command.items) {
    if (ImGui::BeginMenu(label.c_str(), enabled)) {
      for (const std::string& item : command.items())
        if (ImGui::MenuItem(item.c_str())) command.runItem(item);
      ImGui::EndMenu();
    }
    return;
  }
  const char* shortcut = command.keys.empty() ? nullptr : command.keys.front().name;
  const bool clicked = ImGui::MenuItem(label.c_str(), shortcut, command.checked && command.checked(), enabled);
  if (!command.widget.empty()) RecordWidget(command.widget.c_str());
  if (clicked) command.run();
}

// The commands [begin, end) all share the first `depth` parts of their menu path.
void ShowLevel(const std::vector<Command>& commands, const std::vector<MenuInfo>& menus, size_t begin, size_t end,
               size_t depth) {
  for (size_t i = begin; i < end;) {
    const Command& command = commands[i];
    if (command.path.size() <= depth) {
      ShowItem(command);
      ++i;
      continue;
    }
    // A submenu: the run of commands that go on into it.
    const std::string& name = command.path[depth];
    size_t next = i + 1;
    while (next < end && commands[next].path.size() > depth && commands[next].path[depth] == name) ++next;
    const std::string full = JoinPath(command.path, depth + 1);
    const MenuInfo* info = nullptr;
    for (const MenuInfo& menu : menus)
      if (menu.path == full) info = &menu;
    if (info && info->separatorBefore) ImGui::Separator();
    const bool open = ImGui::BeginMenu(_(name.c_str()));
    if (info && !info->widget.empty()) RecordWidget(info->widget.c_str());
    if (open) {
      ShowLevel(commands, menus, i, next, depth + 1);
      ImGui::EndMenu();
    }
    i = next;
  }
}

}  // namespace

void FinishCommands(std::vector<Command>& commands) {
  for (Command& command : commands) {
    command.path.clear();
    const std::string sep = kPathSeparator;
    for (size_t start = 0; start < command.menu.size();) {
      size_t at = command.menu.find(sep, start);
      if (at == std::string::npos) at = command.menu.size();
      command.path.push_back(command.menu.substr(start, at - start));
      start = at + sep.size();
    }
  }
}

void ShowCommandMenus(const std::vector<Command>& commands, const std::vector<MenuInfo>& menus) {
  ShowLevel(commands, menus, 0, commands.size(), 0);
}

bool Typed(char32_t character) {
  const ImVector<ImWchar>& typed = ImGui::GetIO().InputQueueCharacters;
  for (ImWchar c : typed)
    if (char32_t(c) == character) return true;
  return false;
}

bool ShortcutPressed(const Shortcut& key, bool ctrl, bool shiftTaken) {
  const ImGuiIO& io = ImGui::GetIO();
  if (key.character) return !ctrl && !io.KeyCtrl && Typed(key.character);
  if (key.ctrl != ctrl || !ImGui::IsKeyPressed(key.key, false)) return false;
  return key.shift ? io.KeyShift : !(io.KeyShift && shiftTaken);
}

void RunCommandKeys(const std::vector<Command>& commands, bool ctrl) {
  auto shiftedTwin = [&](const Shortcut& key) {
    for (const Command& command : commands)
      for (const Shortcut& other : command.keys)
        if (other.key == key.key && other.ctrl == key.ctrl && other.shift) return true;
    return false;
  };
  for (const Command& command : commands) {
    for (const Shortcut& key : command.keys) {
      const bool shiftTaken = ImGui::GetIO().KeyShift && !key.character && !key.shift && shiftedTwin(key);
      if (!ShortcutPressed(key, ctrl, shiftTaken)) continue;
      command.runByKey ? command.runByKey() : command.run();
      break;  // one run per command, however many of its chords were pressed
    }
  }
}

std::vector<std::string> TopMenuNames(const std::vector<Command>& commands) {
  std::vector<std::string> names;
  for (const Command& command : commands)
    if (!command.path.empty() && (names.empty() || names.back() != command.path[0])) names.push_back(command.path[0]);
  return names;
}

std::string CommandListText(const std::vector<Command>& commands) {
  std::string text;
  for (const Command& command : commands) {
    std::vector<std::string> names;
    for (const Shortcut& key : command.keys) {
      bool seen = false;
      for (const std::string& name : names) seen = seen || name == key.name;
      if (!seen) names.push_back(key.name);  // a keypad twin shows as the same chord
    }
    std::string keys;
    for (const std::string& name : names) keys += (keys.empty() ? "" : ", ") + name;
    text += keys + "\t" + command.menu + "\t" + command.label + "\n";
  }
  return text;
}

}  // namespace jb
