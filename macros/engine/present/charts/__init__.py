"""Charts drawn at build time as static, accessible inline SVG from figures in the data file.

One module per chart type (bar, timeline), `svg` for the drawing primitives
and text layout, `frame` for what every chart shares (checks, caption, description, table).
"""

from .bar import bar_chart
from .timeline import timeline_chart

__all__ = ["bar_chart", "timeline_chart"]
