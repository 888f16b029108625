"""stub"""
from .model import StageReport
def merge(paragraphs, options):
    return paragraphs, StageReport("dedup")
