# The sources of `evaluate --csv`, for the CLI and for the CSV fuzzer (which builds without the CLI).
set(UNITWISE_CSV_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/evaluate_csv.cpp ${CMAKE_CURRENT_LIST_DIR}/input.cpp
    ${CMAKE_CURRENT_LIST_DIR}/window.cpp ${CMAKE_CURRENT_LIST_DIR}/visit_builder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/claim_writer.cpp ${CMAKE_CURRENT_LIST_DIR}/cells.cpp
    ${CMAKE_CURRENT_LIST_DIR}/clinician_days.cpp)
