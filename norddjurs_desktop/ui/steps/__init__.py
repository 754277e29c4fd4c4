"""The five steps of a screening, one module each."""
