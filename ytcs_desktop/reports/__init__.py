"""Printed forms and exports: report data -> HTML/QTextDocument -> PDF or printer; Excel."""
