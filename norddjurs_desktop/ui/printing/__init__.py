"""Printing: a preview of the PDFs we write, with Qt's print dialog and "save as PDF"."""
