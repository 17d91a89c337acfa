"""Foreign documents -> article drafts: DOCX (mammoth), HTML, plain text, and the
one clean-up path for foreign HTML the editor's paste shares.

Pure: bytes in, :class:`ImportedDocument` out; storing is
``editorial_desk.services.imports``.  Modules:

* ``convert``   pick the importer by extension, guard, convert with a time limit;
* ``guards``    refuse empty/damaged/encrypted/renamed/hostile files before parsing;
* ``docx`` (+ ``docx_numbering``), ``html``, ``text``  the converters;
* ``cleanup``   foreign HTML -> canonical body (``clean_foreign_html`` for paste);
* ``notices``   warnings as keys + parameters, and their English (one table);
* ``charset``, ``htmltree``, ``isolation``, ``model``  their parts.

Nothing is imported here, so that importing the package stays cheap (mammoth is
loaded only when a DOCX is converted).
"""
