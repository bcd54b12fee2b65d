#!/usr/bin/env python3
"""Adds or updates entries in a .resx file: tools/resx.py FILE Key=Value [Key=Value ...].
Creates the file when it does not exist. Keeps entries sorted by key so diffs stay small."""
import sys, os
import xml.etree.ElementTree as ET

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
'''

def main():
    path, pairs = sys.argv[1], sys.argv[2:]
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER)
    tree = ET.parse(path)
    root = tree.getroot()
    entries = {d.get("name"): d.find("value").text or "" for d in root.findall("data")}
    for p in pairs:
        k, v = p.split("=", 1)
        entries[k] = v
    for d in root.findall("data"):
        root.remove(d)
    for k in sorted(entries):
        d = ET.SubElement(root, "data", {"name": k, "xml:space": "preserve"})
        ET.SubElement(d, "value").text = entries[k]
    ET.indent(tree, "  ")
    tree.write(path, encoding="utf-8", xml_declaration=True)

main()
