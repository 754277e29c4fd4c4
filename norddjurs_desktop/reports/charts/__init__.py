"""The data view's charts, split by what they draw.

``drawing`` holds the look every chart shares (colours, hatches, Danish number
labels, figure margins), ``inputs`` what a builder is fed besides one period's
figures, and the ``*_charts`` modules the builders themselves; ``headlines``
turns a chart's main figure into a Danish sentence. The registry that names
the charts for the GUI is :mod:`norddjurs_desktop.reports.absence_charts`.
"""
