#!/usr/bin/env python3
"""Writes tests/fixtures/encodings/*: the first 40 lines of a corpus document in every legacy
Vietnamese encoding that src/read/encoding.cc reads, so the tests can check detection and conversion
against the UTF-8 original.

The TCVN3 and VISCII tables below match glibc's TCVN5712-1 and VISCII converters byte for byte
(checked when they were written; the C++ arrays in src/read/legacy_codepages.cc were printed from them). The
VNI encoder is rule-based here and table-based in C++, and Windows-1258 uses Python's own cp1258
codec against ICU in C++, so those two are independent implementations. Every table is checked by a
round trip before anything is written: decode(encode(text)) must give the text back, up to the
documented losses (TCVN3 capitals, typography VISCII and VIQR lack).

usage: tools/make_encoding_fixtures.py   (run from anywhere; rewrites the fixtures)
"""
import os
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = "daklak-kh-49-2021"
LINES = 40
OUT = os.path.join(ROOT, "tests", "fixtures", "encodings")

# --- TCVN3 (ABC, TCVN 5712:1993 VN3) ---------------------------------------------------------
# 0xA0-0xFF as in TCVN 5712:1993 (cross-checked against glibc's TCVN5712-1 converter). ABC fonts
# hold lowercase letters plus Ă Â Ê Ô Ơ Ư Đ; other capitals are typed with a separate uppercase
# font (.VnTimeH) on the *lowercase* codes, so a plain-text file carries them as lowercase bytes.
# The capitals in the gaps (0xAF, 0xBA, 0xBF-0xC5...) are VN1 positions, only read, never written.
# 0x80-0x9F are Windows-1252 punctuation: ABC fonts are ANSI fonts.
TCVN3_A0 = ("\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"
            "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
            "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
            "éẹềểễếệìỉỄẾỒĩíịò"
            "Ổỏõóọồổỗốộờởỡớợù"
            "Ỗủũúụừửữứựỳỷỹýỵ" "Ố")
assert len(TCVN3_A0) == 96, len(TCVN3_A0)
TCVN3_WRITABLE_CAPITALS = set("ĂÂÊÔƠƯĐ")

# --- VISCII (RFC 1456) -------------------------------------------------------------------------
# 0x80-0xFF, plus six C0 positions; from RFC 1456 (same as glibc's VISCII converter).
VISCII_80 = ("ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ"
             "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"
             "Õắằặấầẩậẽẹếềểễệố"
             "ồổỗỠƠộờởịỰỨỪỬơớƯ"
             "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ"
             "ĐứÒÓÔạỷừửÙÚỹỵÝỡư"
             "àáâãảăữẫèéêẻìíĩỉ"
             "đựòóôõỏọụùúũủýợỮ")
assert len(VISCII_80) == 128
VISCII_C0 = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}

# --- VNI-Windows -------------------------------------------------------------------------------
# Base letter + modifier bytes, as in the VNI fonts (VNI Software Co.) and Unikey's VNI Windows
# charset: e.g. "Vieät Nam", "Ñaûng", "Coäng hoøa", "nöôùc". Lowercase modifier / uppercase modifier.
TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # acute grave hook tilde dot
VNI_TONE = {"\u0301": (0xF9, 0xD9), "\u0300": (0xF8, 0xD8), "\u0309": (0xFB, 0xDB),
            "\u0303": (0xF5, 0xD5), "\u0323": (0xEF, 0xCF)}
VNI_CIRC = {None: (0xE2, 0xC2), "\u0301": (0xE1, 0xC1), "\u0300": (0xE0, 0xC0),
            "\u0309": (0xE5, 0xC5), "\u0303": (0xE3, 0xC3), "\u0323": (0xE4, 0xC4)}
VNI_BREVE = {None: (0xEA, 0xCA), "\u0301": (0xE9, 0xC9), "\u0300": (0xE8, 0xC8),
             "\u0309": (0xFA, 0xDA), "\u0303": (0xFC, 0xDC), "\u0323": (0xEB, 0xCB)}
VNI_SINGLE = {"ơ": 0xF4, "Ơ": 0xD4, "ư": 0xF6, "Ư": 0xD6, "đ": 0xF1, "Đ": 0xD1,
              "ì": 0xEC, "í": 0xED, "ỉ": 0xE6, "ĩ": 0xF3, "ị": 0xF2,
              "Ì": 0xCC, "Í": 0xCD, "Ỉ": 0xC6, "Ĩ": 0xD3, "Ị": 0xD2, "ỵ": 0xEE, "Ỵ": 0xCE}

TYPOGRAPHY = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."}


def split_letter(ch):
    """'ế' -> ('e', '\u0302', '\u0301'): base, hat (circumflex/breve/horn) or None, tone or None."""
    d = unicodedata.normalize("NFD", ch)
    base, hat, tone = d[0], None, None
    for m in d[1:]:
        if m in TONES:
            tone = m
        else:
            hat = m
    return base, hat, tone


def cp1252_byte(ch):
    return ch.encode("cp1252")


# --- encoders ----------------------------------------------------------------------------------
def encode_tcvn3(text):
    reverse = {c: 0xA0 + i for i, c in enumerate(TCVN3_A0)
               if unicodedata.category(c) != "Mn" and (c.islower() or c in TCVN3_WRITABLE_CAPITALS or c == "\u00a0")}
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in reverse:
            out.append(reverse[ch])
        elif ch.lower() in reverse:  # a capital typed in the uppercase font
            out.append(reverse[ch.lower()])
        else:
            out += cp1252_byte(ch)
    return bytes(out)


def decode_tcvn3(data):
    out = []
    for b in data:
        if b < 0x80:
            out.append(chr(b))
        elif b < 0xA0:
            out.append(bytes([b]).decode("cp1252"))
        else:
            out.append(TCVN3_A0[b - 0xA0])
    return unicodedata.normalize("NFC", "".join(out))


def encode_viscii(text):
    reverse = {c: 0x80 + i for i, c in enumerate(VISCII_80)}
    reverse.update({c: b for b, c in VISCII_C0.items()})
    out = bytearray()
    for ch in text:
        ch = TYPOGRAPHY.get(ch, ch)
        if all(ord(c) < 0x80 for c in ch):
            out += ch.encode("ascii")
        else:
            out.append(reverse[ch])
    return bytes(out)


def decode_viscii(data):
    return "".join(VISCII_C0.get(b, chr(b)) if b < 0x80 else VISCII_80[b - 0x80] for b in data)


def encode_vni(text):
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
            continue
        if ch in VNI_SINGLE:
            out.append(VNI_SINGLE[ch])
            continue
        base, hat, tone = split_letter(ch)
        upper = 1 if base.isupper() else 0
        if base.lower() not in "aeiouy":
            out += cp1252_byte(ch)
            continue
        if hat == "\u031b":  # horn: ơ / ư are single bytes, tone follows
            out.append(VNI_SINGLE[unicodedata.normalize("NFC", base + hat)])
            out.append(VNI_TONE[tone][upper])
            continue
        out.append(ord(base))
        if hat == "\u0302":
            out.append(VNI_CIRC[tone][upper])
        elif hat == "\u0306":
            out.append(VNI_BREVE[tone][upper])
        elif tone:
            out.append(VNI_TONE[tone][upper])
    return bytes(out)


def encode_windows1258(text):
    """Precomposed where cp1258 has the letter, else base(+hat) followed by a combining tone."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, hat, tone = split_letter(ch)
        stem = unicodedata.normalize("NFC", base + (hat or ""))
        out += stem.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def encode_viqr(text):
    """RFC 1456 VIQR: ^ ( + for hats, ' ` ? ~ . for tones, DD/dd for Đ/đ; a literal mnemonic
    character after a letter it could attach to is escaped with a backslash."""
    hats = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}
    tones = {"\u0301": "'", "\u0300": "`", "\u0309": "?", "\u0303": "~", "\u0323": "."}
    out = []
    prev_vowel = prev_d = False
    for ch in text:
        ch = TYPOGRAPHY.get(ch, ch)
        if len(ch) > 1:
            out.append(ch)
            prev_vowel = prev_d = False
            continue
        if ch in "đĐ":
            out.append("dd" if ch == "đ" else "DD")
            prev_vowel, prev_d = False, True
            continue
        base, hat, tone = split_letter(ch)
        if base.isascii() and base.lower() in "aeiouy":
            out.append(base + (hats[hat] if hat else "") + (tones[tone] if tone else ""))
            prev_vowel, prev_d = True, False
            continue
        assert ord(ch) < 0x80, ch
        if (prev_vowel and ch in "^(+'`?~.") or (prev_d and ch in "dD9") or ch == "\\":
            out.append("\\")
        out.append(ch)
        prev_vowel, prev_d = False, ch in "dD"
    return "".join(out).encode("ascii")


def tcvn3_expected(text):
    """What a TCVN3 file reads back as: capitals other than Ă Â Ê Ô Ơ Ư Đ come back lowercase."""
    return "".join(c.lower() if c.isupper() and ord(c) >= 0x80 and c not in TCVN3_WRITABLE_CAPITALS
                   else c for c in text)


def decode_vni(data):
    """Inverse of encode_vni, by table lookup of every letter's byte pattern (longest first)."""
    patterns = {}
    for cp in list(range(0xC0, 0x1B1)) + list(range(0x1EA0, 0x1EFA)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if ch.isalpha() and (ch in VNI_SINGLE or (base.isascii() and base.lower() in "aeiouy")):
            try:
                split_letter(ch)
                enc = encode_vni(ch)
            except (KeyError, UnicodeEncodeError):
                continue
            if len(enc) > 1 or ch in VNI_SINGLE:
                patterns.setdefault(enc, ch)
    out, i = [], 0
    while i < len(data):
        for n in (2, 1):
            if data[i:i + n] in patterns:
                out.append(patterns[data[i:i + n]])
                i += n
                break
        else:
            out.append(bytes([data[i]]).decode("cp1252"))
            i += 1
    return "".join(out)


def mojibake(data):
    """Legacy bytes read as Windows-1252 (Latin-1 where 1252 has a hole) and saved as UTF-8."""
    return "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
                   for b in data).encode("utf-8")


def plain(text):
    return "".join(TYPOGRAPHY.get(c, c) for c in text)


def main():
    with open(os.path.join(ROOT, "corpus", "docs", DOC + ".txt"), encoding="utf-8") as f:
        text = unicodedata.normalize("NFC", "".join(f.readlines()[:LINES]))
    tcvn3 = encode_tcvn3(text)
    vni = encode_vni(text)
    viscii = encode_viscii(text)
    cp1258 = encode_windows1258(text)
    viqr = encode_viqr(text)

    # Round trips with independent decoders (Python's own cp1258; the tables above).
    assert unicodedata.normalize("NFC", cp1258.decode("cp1258")) == text
    assert decode_tcvn3(tcvn3) == tcvn3_expected(text)
    assert decode_vni(vni) == text
    assert decode_viscii(viscii) == plain(text)
    assert all(b < 0x80 for b in viqr)
    # Every byte pattern of the output must be distinct per letter: encode all letters once.
    letters = sorted({c for c in text if ord(c) >= 0x80 and c.isalpha()})
    assert len({encode_vni(c) for c in letters}) == len(letters)

    files = {
        "utf8.txt": text.encode("utf-8"),
        "utf16le.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "windows1258.txt": cp1258,
        "tcvn3.txt": tcvn3,
        "vni.txt": vni,
        "viscii.txt": viscii,
        "viqr.txt": viqr,
        "tcvn3-mojibake.txt": mojibake(tcvn3),
        "vni-mojibake.txt": mojibake(vni),
    }
    os.makedirs(OUT, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(OUT, DOC + "." + name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
