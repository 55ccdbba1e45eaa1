"""Two press releases as PDFs, made at test time with fpdf2 (a test dependency):
a letterhead, a title, a place-and-date line, justified body paragraphs that
wrap over several lines, a contact footer; the second runs over two pages
with a running header and page numbers. The sentences are our own."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PressPdf:
    name: str
    data: bytes
    body: list[str]
    boilerplate: list[str]        # in the text but marked: letterhead, contacts, page furniture
    title: str
    outlet: str
    published: str


def _pdf():
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=25)
    pdf.set_margins(25, 20, 25)
    return pdf


def kemnaker_release() -> PressPdf:
    body = [
        "Kementerian Ketenagakerjaan bersama Japan International Cooperation Agency meluncurkan program peningkatan kompetensi instruktur balai pelatihan vokasi di lima provinsi.",
        "Program ini berlangsung selama tiga tahun dan melibatkan 120 instruktur yang akan mengikuti pelatihan di Indonesia dan Jepang.",
        "Sekretaris Jenderal Kemnaker, Dewi Kartika, mengatakan kualitas instruktur menentukan mutu lulusan balai pelatihan.",
        '"Instruktur yang baik akan menghasilkan tenaga kerja yang siap bersaing di pasar kerja dalam dan luar negeri," ujar Dewi dalam peluncuran program di Jakarta.',
        "Kepala Perwakilan JICA Indonesia, Takeshi Mori, menyatakan pihaknya akan mengirim tenaga ahli untuk mendampingi penyusunan kurikulum.",
        "Tahap pertama program dimulai bulan depan di Balai Besar Pelatihan Vokasi dan Produktivitas Bekasi.",
    ]
    boiler = ["KEMENTERIAN KETENAGAKERJAAN REPUBLIK INDONESIA", "Jl. Jend. Gatot Subroto Kav. 51, Jakarta Selatan 12750",
              "Narahubung Media:", "Biro Humas Kementerian Ketenagakerjaan", "Telp. (021) 5255733 | humas@example.go.id"]
    pdf = _pdf()
    pdf.set_title("Siaran Pers Kemnaker dan JICA")
    pdf.set_author("Biro Humas")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, boiler[0], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, boiler[1], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.line(25, pdf.get_y() + 2, 185, pdf.get_y() + 2)
    pdf.ln(8)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, "SIARAN PERS", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, "Nomor: 45/HM.01/III/2025", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    title = "Kemnaker dan JICA Luncurkan Program Peningkatan Kompetensi Instruktur Vokasi"
    pdf.multi_cell(0, 6, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "Jakarta, 12 Maret 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for para in [body[0] + " " + body[1], body[2] + " " + body[3], body[4] + " " + body[5]]:
        pdf.multi_cell(0, 6, para, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 5, boiler[2], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 5, boiler[3], new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, boiler[4], new_x="LMARGIN", new_y="NEXT")
    return PressPdf("siaran_pers_jica.pdf", bytes(pdf.output()), body, boiler, title,
                    "Kementerian Ketenagakerjaan Republik Indonesia", "2025-03-12")


def embassy_release() -> PressPdf:
    """English, two pages, a running header and "Page N of 2" footers."""
    body = [
        "The Embassy of Japan in Indonesia and the Ministry of Manpower held the fifth joint committee meeting on specified skilled workers in Jakarta on Thursday.",
        "Both sides reviewed the placement of workers in nursing care, agriculture and food manufacturing during the past year.",
        "The Japanese delegation was led by Deputy Director General Haruto Ishikawa of the Immigration Services Agency.",
        "The Indonesian side proposed joint supervision of recruitment fees charged by private agencies.",
        '"Fair recruitment is the foundation of this partnership," Ishikawa said at the close of the meeting.',
        "The two governments agreed to publish a list of licensed sending organizations every six months.",
        "They also agreed to expand Japanese language testing to four more cities outside Java.",
        "The next meeting will be held in Tokyo early next year.",
    ]
    header = "Embassy of Japan in Indonesia - Press Release"
    boiler = [header, "Page 1 of 2", "Page 2 of 2", "Media contact: Information and Culture Section",
              "Email: press@example-embjp.go.jp"]
    from fpdf import FPDF

    class Release(FPDF):
        def header(self):
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 5, header, align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Release(format="A4")
    pdf.set_auto_page_break(True, margin=25)
    pdf.set_margins(25, 20, 25)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    title = "Japan and Indonesia Hold Fifth Joint Committee on Specified Skilled Workers"
    pdf.multi_cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, "Jakarta, May 15, 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    filler = ("Participants also discussed training curricula, health insurance, housing standards and the "
              "recognition of skills certificates issued by vocational schools in both countries. ")
    paras = [body[0] + " " + body[1], filler * 3, body[2] + " " + body[3], filler * 3, body[4],
             filler * 2, body[5] + " " + body[6], body[7]]
    for para in paras:
        pdf.multi_cell(0, 6, para.strip(), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.ln(4)
    pdf.cell(0, 5, boiler[3], new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, boiler[4], new_x="LMARGIN", new_y="NEXT")
    return PressPdf("embassy_release.pdf", bytes(pdf.output()), body, boiler, title,
                    "Embassy of Japan in Indonesia", "2025-05-15")


def image_only_pdf() -> bytes:
    """A scanned page: one image, no text layer."""
    from fpdf import FPDF
    import io
    import zlib
    import struct
    # a tiny grey PNG made by hand (no Pillow needed)
    w = h = 8
    raw = b"".join(b"\x00" + b"\x80" * w for _ in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(png), x=10, y=10, w=180)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    from fpdf import FPDF
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 10, "Confidential draft of a press statement.")
    return bytes(pdf.output())


def all_releases() -> list[PressPdf]:
    return [kemnaker_release(), embassy_release()]
