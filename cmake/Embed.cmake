# tdkt_embed(<target> <function> <base_dir> <files...>)
# Compiles <files> into <target> and defines `std::span<const tdkt::EmbeddedFile> <function>()`
# (a qualified name such as tdkt::storage::migration_files) listing them by path relative to
# <base_dir>, sorted by path.
set(TDKT_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedGenerate.cmake)

function(tdkt_embed target function base_dir)
  set(files ${ARGN})
  list(SORT files)
  string(MAKE_C_IDENTIFIER "${function}" stem)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cpp)
  string(REPLACE ";" "|" files_arg "${files}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFUNCTION=${function} -DBASE=${base_dir}
            "-DFILES=${files_arg}" -P ${TDKT_EMBED_SCRIPT}
    DEPENDS ${files} ${TDKT_EMBED_SCRIPT}
    COMMENT "Embedding ${function}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
