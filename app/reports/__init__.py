"""Printed field documents (reportlab PDFs): payment lists and attendance sheets.

Renderers take DTOs built by ``app.services`` and write a PDF; they never query the database.
"""
