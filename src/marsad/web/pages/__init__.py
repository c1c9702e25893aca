"""One module per page type; each calls the library and renders a template."""
