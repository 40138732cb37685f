#include "app/views/file_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "app/platform/i18n.h"
#include "app/views/layout_dump.h"

namespace fs = std::filesystem;

namespace jb {

namespace {

const char* Title(FileDialog::Purpose purpose) {
  switch (purpose) {
    case FileDialog::Purpose::Open: return _("Open board");
    case FileDialog::Purpose::SaveAs: return _("Save board as");
    case FileDialog::Purpose::ExportPng: return _("Export PNG");
    case FileDialog::Purpose::ImportTable: return _("Import table");
    case FileDialog::Purpose::ExportTable: return _("Export table");
    case FileDialog::Purpose::ExportPage: return _("Export page");
    case FileDialog::Purpose::ExportReport: return _("Export report");
  }
  return _("File");
}

// The extension a name to write gets when it has none of the purpose's own.
const char* Extension(FileDialog::Purpose purpose) {
  switch (purpose) {
    case FileDialog::Purpose::ExportPng: return ".png";
    case FileDialog::Purpose::ExportTable: return ".csv";
    case FileDialog::Purpose::ExportPage:
    case FileDialog::Purpose::ExportReport: return ".html";
    default: return ".cjm";
  }
}

std::string LowerExtension(const std::string& name) {
  std::string e = fs::path(name).extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return e;
}

// Whether `name` already ends as the purpose writes it (a table: any of its four formats).
bool HasOwnExtension(const std::string& name, FileDialog::Purpose purpose) {
  const std::string e = LowerExtension(name);
  if (purpose == FileDialog::Purpose::ExportTable) return e == ".csv" || e == ".tsv" || e == ".md" || e == ".mmd";
  if (purpose == FileDialog::Purpose::ExportPage) return e == ".html" || e == ".htm";
  if (purpose == FileDialog::Purpose::ExportReport) return e == ".html" || e == ".htm" || e == ".md";
  if (purpose == FileDialog::Purpose::ImportTable)
    return e == ".csv" || e == ".tsv" || e == ".txt" || e == ".md" || e == ".mmd";
  return e == Extension(purpose);
}

bool ChoosesExisting(FileDialog::Purpose purpose) {
  return purpose == FileDialog::Purpose::Open || purpose == FileDialog::Purpose::ImportTable;
}

}  // namespace

void FileDialog::Request(Purpose purpose, const std::string& suggested) {
  m_purpose = purpose;
  fs::path path = suggested.empty() ? fs::current_path() : fs::path(suggested);
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    m_folder = path.string();
    m_name.clear();
  } else {
    m_folder = path.has_parent_path() ? path.parent_path().string() : fs::current_path().string();
    m_name = path.filename().string();
  }
  if (ChoosesExisting(purpose)) m_name.clear();
  m_error.clear();
  m_requested = true;
  ReadFolder();
}

void FileDialog::ReadFolder() {
  m_entries.clear();
  std::error_code ec;
  for (fs::directory_iterator it(m_folder, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    bool folder = it->is_directory(ec);
    if (folder || HasOwnExtension(name, m_purpose)) m_entries.push_back({name, folder});
  }
  std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
    return a.folder != b.folder ? a.folder : a.name < b.name;
  });
}

bool FileDialog::Show(const std::vector<std::string>& recent, std::string* chosen) {
  const char* title = Title(m_purpose);
  if (m_requested) {
    ImGui::OpenPopup(title);
    m_requested = false;
    m_open = true;
  }
  if (!m_open) return false;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSize({em * 40, em * 30}, ImGuiCond_Appearing);
  bool confirmed = false;
  bool keepOpen = true;
  if (ImGui::BeginPopupModal(title, &keepOpen)) {
    if (ImGui::Button(_("Up"))) {
      m_folder = fs::path(m_folder).parent_path().string();
      ReadFolder();
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(m_folder.c_str());

    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.5f + em;
    bool showRecent = m_purpose == Purpose::Open && !recent.empty();
    float listHeight = ImGui::GetContentRegionAvail().y - footer - (showRecent ? em * 6 : 0);
    ImGui::BeginChild("listing", {0, std::max(listHeight, em * 4)}, true);
    for (const Entry& entry : m_entries) {
      std::string label = entry.folder ? entry.name + "/" : entry.name;
      if (ImGui::Selectable(label.c_str(), !entry.folder && entry.name == m_name, ImGuiSelectableFlags_AllowDoubleClick)) {
        if (entry.folder) {
          if (ImGui::IsMouseDoubleClicked(0)) {
            m_folder = (fs::path(m_folder) / entry.name).string();
            ReadFolder();
            break;
          }
        } else {
          m_name = entry.name;
          if (ImGui::IsMouseDoubleClicked(0)) confirmed = true;
        }
      }
    }
    ImGui::EndChild();
    if (showRecent) {
      ImGui::TextDisabled(_("Recent"));
      ImGui::BeginChild("recent", {0, em * 5}, true);
      for (const std::string& path : recent)
        if (ImGui::Selectable(path.c_str())) {
          *chosen = path;
          confirmed = true;
        }
      ImGui::EndChild();
    }

    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ImGui::InputTextWithHint("##name", _("file name or full path"), &m_name, ImGuiInputTextFlags_EnterReturnsTrue))
      confirmed = true;
    RecordWidget("file.name");
    if (!m_error.empty()) ImGui::TextColored({0.8f, 0.2f, 0.2f, 1}, "%s", m_error.c_str());
    RecordDialog(title, m_error.empty() ? m_folder : m_folder + "\n" + m_error);
    const char* action = m_purpose == Purpose::Open          ? _("Open")
                         : m_purpose == Purpose::SaveAs      ? _("Save")
                         : m_purpose == Purpose::ImportTable ? _("Import")
                                                             : _("Export");
    if (ImGui::Button(action, {em * 7, 0})) confirmed = true;
    RecordWidget("file.confirm");
    ImGui::SameLine();
    if (ImGui::Button(_("Cancel"), {em * 7, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      keepOpen = false;
      confirmed = false;
    }

    if (confirmed && chosen->empty()) {
      if (m_name.empty()) {
        m_error = _("Type a file name.");
        confirmed = false;
      } else {
        fs::path path = fs::path(m_name).is_absolute() ? fs::path(m_name) : fs::path(m_folder) / m_name;
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
          m_folder = path.string();
          m_name.clear();
          ReadFolder();
          confirmed = false;
        } else {
          if (!ChoosesExisting(m_purpose) && !HasOwnExtension(path.string(), m_purpose)) path += Extension(m_purpose);
          if (ChoosesExisting(m_purpose) && !fs::exists(path, ec)) {
            m_error = Format(_("There is no file %s."), path.string().c_str());
            confirmed = false;
          } else {
            *chosen = path.string();
          }
        }
      }
    }
    if (confirmed || !keepOpen) {
      ImGui::CloseCurrentPopup();
      m_open = false;
    }
    ImGui::EndPopup();
  } else {
    m_open = false;
  }
  return confirmed;
}

}  // namespace jb
