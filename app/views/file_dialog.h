// A small built-in file dialog (no desktop portal needed): a path field, the folder's listing,
// and recent files. Modal; Enter confirms, Escape cancels.
#pragma once
#include <string>
#include <vector>

namespace jb {

class FileDialog {
 public:
  // Open and ImportTable choose a file that exists; the others a name to write, given the
  // purpose's extension when it has none of its own.
  enum class Purpose { Open, SaveAs, ExportPng, ImportTable, ExportTable, ExportPage, ExportReport };

  // Opens the dialog next frame. `suggested` is a full path (folder + proposed file name).
  void Request(Purpose purpose, const std::string& suggested);
  // Call every frame; returns true once when the user confirms, with the chosen path.
  bool Show(const std::vector<std::string>& recent, std::string* chosen);
  Purpose purpose() const { return m_purpose; }
  bool IsOpen() const { return m_open; }

 private:
  void ReadFolder();

  Purpose m_purpose = Purpose::Open;
  bool m_requested = false, m_open = false;
  std::string m_folder, m_name, m_error;
  struct Entry {
    std::string name;
    bool folder;
  };
  std::vector<Entry> m_entries;
};

}  // namespace jb
