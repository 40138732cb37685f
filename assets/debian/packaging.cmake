# The Debian package (README "Install"): `cmake --build build --target package` or `cpack` in the
# build folder writes journeyboard_<version>-<revision>_amd64.deb from what `cmake --install` puts.
# Depends on shared libraries come from dpkg-shlibdeps; the rest are what the app opens at run
# time without linking: the fonts (app/platform/fonts.cpp) and the GL/EGL libraries and Mesa
# drivers glad's loader opens with dlopen (a window, or EGL surfaceless for headless export).
set(JB_PACKAGE_MAINTAINER "Journeyboard maintainers <maintainers@journeyboard.org>"
    CACHE STRING "Maintainer field of the Debian package")
set(JB_PACKAGE_HOMEPAGE "" CACHE STRING "Homepage field of the Debian package (left out when empty)")

# Directories created by the install get 0755 whatever the umask (Debian requires it).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME journeyboard)
set(CPACK_PACKAGE_VENDOR "The Journeyboard authors")
set(CPACK_PACKAGE_CONTACT "${JB_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "whiteboard for customer journey mapping workshops")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The revision of the packaging; assets/debian/changelog's newest entry names the same version.
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${JB_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(JB_PACKAGE_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${JB_PACKAGE_HOMEPAGE}")
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-dejavu-core, fonts-fork-awesome, libegl1, libgl1, libegl-mesa0, libgl1-mesa-dri")
# xdg-open opens the snapshots folder; one of the players sounds the timer's chime.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xdg-utils, pipewire-bin | pulseaudio-utils | alsa-utils")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"A whiteboard for live customer journey mapping workshops. The facilitator
stands at a large screen; the room fills stage columns and lanes (goals,
touchpoints, pain points, moments of delight, solutions, action items) with
sticky notes, draws the customer's emotion curve across the stages, and sends
PNG snapshots with the follow-up.
.
Boards are diff-friendly JSON files (.cjm); every change is journaled, so a
crash loses nothing. The command line exports PNG images and CSV or Markdown
tables with no display, through EGL.")
include(CPack)
