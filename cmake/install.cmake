# Install rules: headers, libraries, CMake package (kikvConfig.cmake) and pkg-config file.
include(CMakePackageConfigHelpers)

install(FILES ${PROJECT_SOURCE_DIR}/include/kikv/kikv.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kikv)
install(TARGETS kikv EXPORT kikvTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS kikv_static EXPORT kikvStaticTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT kikvTargets NAMESPACE kikv:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kikv)
install(EXPORT kikvStaticTargets NAMESPACE kikv:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kikv)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/kikvConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kikvConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kikv)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kikvConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kikvConfig.cmake ${PROJECT_BINARY_DIR}/kikvConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kikv)

configure_file(${PROJECT_SOURCE_DIR}/cmake/kikv.pc.in ${PROJECT_BINARY_DIR}/kikv.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/kikv.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
