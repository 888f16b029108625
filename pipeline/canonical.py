"""stub"""
from .model import StageReport
def canonical_text(paragraphs, script="auto"):
    t = "".join(p.text + "\n" for p in paragraphs)
    return t, StageReport("canonical", {"paragraphs_out": len(paragraphs)})
