"""One module per form family: report data -> Document (and -> workbook sheets where exported)."""
