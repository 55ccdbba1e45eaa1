"""Write N synthetic Indonesian news articles for speed and memory tests.

    python bench/make_corpus.py --articles 10000 --seed 1 [--out DIR] [--format txt|jsonl]

Deterministic for a seed. The text imitates the real articles (datelines such
as "jpnn.com, JAKARTA - ", quotes “…” kata X, figures like 52.440 peserta,
"Baca juga:" lines, dates like "Senin (22/4/2024)") with varied people,
organisations, places, numbers and a few typos. It is for speed and memory
only: search quality is judged on real articles.

Default output: bench/.data/corpus-N-sS/ (txt: one file per article, in
sub-folders of 1,000) or bench/.data/corpus-N-sS.jsonl.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"

OUTLETS = ["jpnn.com", "antaranews.com", "kompas.com", "detik.com", "tempo.co", "liputan6.com",
           "republika.co.id", "cnnindonesia.com", "okezone.com", "suara.com", "tribunnews.com",
           "bisnis.com", "kontan.co.id", "merdeka.com", "sindonews.com", "surabayapagi.com",
           "saranginews.com", "kemnaker.go.id", "investor.id", "medcom.id"]
CITIES = ["JAKARTA", "TOKYO", "OSAKA", "SURABAYA", "BANDUNG", "SEMARANG", "YOGYAKARTA", "MEDAN",
          "MAKASSAR", "DENPASAR", "NAGOYA", "SENDAI", "TANGERANG", "BEKASI", "BOGOR", "MALANG",
          "PALEMBANG", "BALIKPAPAN", "KOBE", "FUKUOKA"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]

FIRST = ["Anwar", "Ida", "Yassierli", "Budi", "Siti", "Agus", "Dewi", "Hendra", "Rina", "Bambang",
         "Sri", "Eko", "Nur", "Wahyu", "Indah", "Joko", "Ratna", "Teguh", "Fitri", "Arief", "Yuli",
         "Dedi", "Lestari", "Haryanto", "Putri", "Suharso", "Immanuel", "Cahyo", "Rudi", "Maria",
         "Akihiko", "Ben", "Kenji", "Yoshiro", "Hiroshi", "Takeshi", "Yuko", "Naoki", "Satoshi",
         "Keiko", "Masahiro", "Haruka", "Daisuke", "Aiko", "Shinji", "Tomoko"]
LAST = ["Sanusi", "Fauziyah", "Santoso", "Rahayu", "Wibowo", "Susanti", "Gunawan", "Kurniawan",
        "Setiawan", "Pratama", "Hidayat", "Nugroho", "Saputra", "Lestari", "Wijaya", "Halim",
        "Suryadi", "Ebenezer", "Murai", "Tanaka", "Kobayashi", "Kanasugi", "Yamamoto", "Suzuki",
        "Watanabe", "Nakamura", "Sato", "Ito", "Takahashi", "Matsumoto", "Inoue", "Kimura",
        "Hayashi", "Shimizu", "Mori", "Ikeda", "Hashimoto", "Ogawa", "Fujita", "Okada"]
ROLES = ["Menteri Ketenagakerjaan", "Sekretaris Jenderal Kemnaker", "Direktur Jenderal Binalavotas",
         "Direktur Bina Penempatan Tenaga Kerja Luar Negeri", "Kepala Biro Humas Kemnaker",
         "Duta Besar Jepang untuk Indonesia", "Presiden JICA", "Chairman JCCI", "Ketua AP2LN",
         "Gubernur Prefektur Miyagi", "Wakil Menteri Ketenagakerjaan", "Kepala BP2MI",
         "Direktur Jenderal Pembinaan Pelatihan dan Produktivitas", "Staf Khusus Menaker",
         "Kepala BPVP Bekasi", "Atase Ketenagakerjaan KBRI Tokyo"]
ORGS = [("Kementerian Ketenagakerjaan", "Kemnaker"), ("Japan International Cooperation Agency", "JICA"),
        ("Japan Chamber of Commerce and Industry", "JCCI"), ("Asosiasi Permagangan Luar Negeri", "AP2LN"),
        ("Badan Pelindungan Pekerja Migran Indonesia", "BP2MI"), ("Balai Pelatihan Vokasi dan Produktivitas", "BPVP"),
        ("International Manpower Development Organization Japan", "IM Japan"),
        ("Organization for Technical Intern Training", "OTIT"), ("Kedutaan Besar Republik Indonesia", "KBRI"),
        ("Lembaga Pelatihan Kerja", "LPK"), ("Badan Nasional Sertifikasi Profesi", "BNSP"),
        ("Kamar Dagang dan Industri Indonesia", "Kadin"), ("Japan External Trade Organization", "JETRO"),
        ("Ministry of Health, Labour and Welfare", "MHLW")]
PROGRAMS = ["Specified Skilled Worker (SSW)", "Technical Intern Training Program (TITP)",
            "program magang ke Jepang", "Program Jaminan Kehilangan Pekerjaan (JKP)",
            "Transformasi Balai Latihan Kerja", "Employment for Skill Development (ESD)",
            "Indonesia-Japan Economic Partnership Agreement (IJEPA)", "program Kartu Prakerja",
            "program pemagangan dalam negeri", "program tokutei ginou"]
PLACES = ["Jakarta", "Tokyo", "Osaka", "Miyagi", "Aichi", "Surabaya", "Bandung", "Bekasi", "Serang",
          "Semarang", "Yogyakarta", "Medan", "Makassar", "Sendai", "Nagoya", "Kobe", "Fukuoka",
          "Hokkaido", "Kyoto", "Balikpapan", "Lombok", "Cirebon", "Indramayu", "Kendal"]
SECTORS = ["perawat lansia", "manufaktur", "konstruksi", "pertanian", "perikanan", "pengolahan makanan",
           "perhotelan", "otomotif", "pengelasan", "kebersihan gedung", "restoran", "perkapalan",
           "elektronik", "tekstil", "logistik", "penerbangan"]
UNITS = ["peserta", "pekerja migran", "pemagang", "calon pekerja", "lulusan", "tenaga kerja",
         "orang", "perusahaan", "lembaga pelatihan", "lowongan"]
VERBS_SAY = ["kata", "ujar", "ungkap", "jelas", "tutur", "tegas", "ucap"]
VERBS_SAY2 = ["mengatakan", "menjelaskan", "mengungkapkan", "menegaskan", "menyampaikan"]

OPENERS = [
    "{org} terus berupaya meningkatkan kerja sama bilateral dengan pemerintah Jepang di bidang pengembangan sumber daya manusia (SDM).",
    "{org} menjalin kerja sama dengan {org2} untuk memperluas kesempatan magang bagi lulusan SMK di {place}.",
    "{role} {person} menerima kunjungan kehormatan {person2} di kantor {acr}, {place}, pada {date}.",
    "Pemerintah Indonesia dan Jepang sepakat memperkuat penempatan tenaga kerja terampil melalui {program}.",
    "Sebanyak {n} {unit} diberangkatkan ke Jepang untuk mengikuti {program} pada {date}.",
    "{org} menggelar forum pengembangan SDM Indonesia-Jepang yang dihadiri {n} {unit} di {place}.",
]
BODY = [
    "{person} menegaskan bahwa {acr} sangat fokus pada pemutakhiran program pelatihan kerja untuk memenuhi kebutuhan industri yang terus berkembang.",
    "Sejak tahun {year}, lebih dari {n} peserta magang dan tenaga ahli Indonesia telah dikirim ke Jepang, dengan sektor {sector} sebagai fokus utama.",
    "Pembahasan dalam pertemuan ini juga mencakup berbagai aspek kerja sama, seperti program pelatihan intensif, sertifikasi kompetensi, dan perlindungan tenaga kerja.",
    "Kedua belah pihak sepakat untuk terus memperdalam kerja sama ekonomi dan ketenagakerjaan yang dapat membuka lebih banyak peluang bagi tenaga kerja Indonesia.",
    "Salah satu agenda penting yang dibahas adalah {program}, yang diharapkan menjadi pencapaian penting dalam hubungan bilateral antara Indonesia dan Jepang.",
    "Upaya tersebut ditandai dengan pertemuan bilateral antara {role} {person} dan {role2} {person2}, {date} di {place}.",
    "Menurut {person}, saat ini {acr} sedang melakukan pengembangan fungsi {org2} yang dikenal dengan program Transformasi Balai Latihan Kerja.",
    "Pada tahun {year}, pemerintah menargetkan penempatan {n} {unit} di sektor {sector} dan {sector2}.",
    "Jumlah pemagang yang berangkat meningkat {pct} persen dibandingkan tahun sebelumnya, yakni {n} orang.",
    "Dalam pertemuan yang kondusif ini juga dibahas penataan sistem uji kompetensi yang bisa dilaksanakan di {place}.",
    "Anggaran pelatihan vokasi tahun ini mencapai Rp{money} miliar, naik dari Rp{money2} miliar pada {year}.",
    "Para peserta mengikuti pelatihan bahasa Jepang selama {months} bulan di {org2} sebelum diberangkatkan.",
    "{acr} juga mendorong perusahaan Jepang untuk memberikan pelindungan dan upah yang layak bagi pekerja migran Indonesia.",
    "Pelatihan tersebut melibatkan {n} instruktur dan {n2} {unit} dari berbagai daerah, termasuk {place} dan {place2}.",
    "Kegiatan ini merupakan tindak lanjut nota kesepahaman (MoU) yang ditandatangani kedua negara pada {date}.",
    "Ia juga mengapresiasi kontribusi {acr2} yang telah memberikan lapangan pekerjaan bagi ribuan peserta magang Indonesia di perusahaan-perusahaan Jepang.",
    "Permintaan tenaga kerja di sektor {sector} di Jepang terus meningkat seiring dengan penuaan penduduk.",
    "Selain itu, kedua pihak membahas peningkatan kuota {program} untuk periode {year}-{year2}.",
    "{person} {say2}, pemerintah berkomitmen memperkuat ekosistem pemagangan yang aman, tertib, dan bermartabat.",
    "Program ini diharapkan dapat menjadi salah satu pencapaian penting dalam hubungan bilateral antara Indonesia dan Jepang.",
    "Hingga {month} {year}, tercatat {n} lembaga pelatihan kerja yang telah terakreditasi untuk menyiapkan calon pemagang.",
]
QUOTES = [
    "Kami bermaksud mengembangkan dan meningkatkan fungsi {acr}, sehingga dapat mencakup pelatihan kerja bagi para calon pekerja migran",
    "Melalui pertemuan ini, kedua pihak berharap dapat memperkuat hubungan dan memberikan manfaat yang signifikan bagi masyarakat Indonesia dan Jepang",
    "Kita ingin adanya terobosan inovatif untuk memanfaatkan peluang kerja sama ini",
    "Jepang membutuhkan banyak tenaga kerja terampil, dan Indonesia siap mengisi kebutuhan tersebut",
    "Kami berharap jumlah peserta magang dari {place} terus bertambah setiap tahun",
    "Pelindungan pekerja migran adalah prioritas utama pemerintah",
    "Sertifikasi kompetensi menjadi kunci agar lulusan kita diakui di pasar kerja internasional",
    "Kerja sama dengan {acr2} sudah berjalan sejak {year} dan hasilnya sangat positif",
]
BACA = ["Menteri UMKM Dukung Pesantren Jadi Pusat Ekonomi Rakyat", "Penataan Pengecer LPG 3 Kg Menjadi Sub Pangkalan",
        "Posko THR Tutup, Sekjen Kemnaker Sebut Jumlah Aduan Menurun", "Harga Emas Hari Ini Naik Tipis",
        "Timnas Indonesia Menang Tipis atas Jepang", "Cuaca Ekstrem Diprediksi Melanda Jawa Barat",
        "Pemerintah Umumkan Jadwal Cuti Bersama", "Begini Cara Cek Penerima BSU"]


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(3)
    if op == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == 1:
        return word[:i] + word[i + 1:]
    return word[:i] + rng.choice("aeiounkr") + word[i + 1:]


def idnum(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        rng = self.rng
        # A fixed cast of people for this seed: varied, but recurring across articles.
        self.people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)) for _ in range(400)]

    def date(self) -> dt.date:
        return dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 6 * 365))

    def fill(self, template: str, ctx: dict) -> str:
        rng = self.rng
        org, acr = rng.choice(ORGS)
        org2, acr2 = rng.choice(ORGS)
        p1, r1 = rng.choice(self.people)
        p2, r2 = rng.choice(self.people)
        d = self.date()
        values = {
            "org": f"{org} ({acr})", "org2": f"{org2} ({acr2})", "acr": acr, "acr2": acr2,
            "person": p1, "person2": p2, "role": r1, "role2": r2,
            "place": rng.choice(PLACES), "place2": rng.choice(PLACES),
            "program": rng.choice(PROGRAMS), "sector": rng.choice(SECTORS), "sector2": rng.choice(SECTORS),
            "unit": rng.choice(UNITS), "n": idnum(rng.choice([rng.randrange(10, 999), rng.randrange(1000, 99999)])),
            "n2": idnum(rng.randrange(10, 500)), "pct": f"{rng.randrange(1, 60)},{rng.randrange(10)}",
            "money": f"{rng.randrange(10, 900)},{rng.randrange(10)}", "money2": str(rng.randrange(10, 900)),
            "year": str(d.year), "year2": str(d.year + 1), "month": MONTHS[d.month - 1],
            "months": str(rng.randrange(3, 9)), "say2": rng.choice(VERBS_SAY2),
            "date": f"{DAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})",
        }
        values.update(ctx)
        return template.format(**values)

    def article(self, n: int) -> dict:
        rng = self.rng
        published = self.date()
        outlet = rng.choice(OUTLETS)
        city = rng.choice(CITIES)
        person, role = rng.choice(self.people)
        ctx = {"person": person, "role": role}
        title = self.fill(rng.choice([
            "{acr} dan {acr2} Perkuat Kerja Sama Pemagangan ke Jepang",
            "{role} {person} Dorong Penempatan Pekerja Terampil ke Jepang",
            "{n} Peserta Magang Diberangkatkan ke {place}",
            "Indonesia-Jepang Bahas {program}",
            "Lewat Forum Ini, {acr} Membangun Jejaring Pengembangan SDM dengan Jepang",
        ]), ctx)
        paragraphs = [f"{outlet}, {city} - " + self.fill(rng.choice(OPENERS), ctx)]
        for k in range(rng.randrange(8, 16)):
            r = rng.random()
            if r < 0.2:
                q = self.fill(rng.choice(QUOTES), ctx)
                speaker = ctx["person"] if rng.random() < 0.7 else rng.choice(self.people)[0]
                paragraphs.append(f"“{q},” {rng.choice(VERBS_SAY)} {speaker.split()[0]}.")
            elif r < 0.28:
                paragraphs.append(f"Baca juga: {rng.choice(BACA)}")
            else:
                sents = [self.fill(rng.choice(BODY), ctx) for _ in range(rng.randrange(1, 4))]
                paragraphs.append(" ".join(sents))
        if rng.random() < 0.5:
            paragraphs.append(f"(mcr{rng.randrange(1, 30)}/jpnn)")
        text = "\n\n".join(paragraphs)
        if rng.random() < 0.35:       # a few typos, as in real copy ("Kemnekar")
            words = text.split(" ")
            for _ in range(rng.randrange(1, 4)):
                i = rng.randrange(len(words))
                if words[i].isalpha():
                    words[i] = typo(words[i], rng)
            text = " ".join(words)
        header = f"{title}\n\n{DAYS[published.weekday()]}, {published.day} {MONTHS[published.month - 1]} {published.year} – {rng.randrange(6, 22):02d}:{rng.randrange(60):02d} WIB\n\n"
        return {"title": title, "text": header + text, "published": published.isoformat(),
                "outlet": outlet, "url": f"https://{outlet}/berita/{n}"}


def default_out(articles: int, seed: int, fmt: str) -> Path:
    name = f"corpus-{articles}-s{seed}"
    return DATA / (name + ".jsonl" if fmt == "jsonl" else name)


def make_corpus(articles: int, seed: int = 1, out: str | os.PathLike | None = None, fmt: str = "txt") -> Path:
    """Write the corpus (skipped when it already exists complete) and return its path."""
    path = Path(out) if out else default_out(articles, seed, fmt)
    marker = (path.parent / (path.name + ".done")) if fmt == "jsonl" else path / ".done"
    if marker.exists():
        return path
    gen = Generator(seed)
    if fmt == "jsonl":
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            for n in range(articles):
                handle.write(json.dumps(gen.article(n), ensure_ascii=False) + "\n")
    else:
        path.mkdir(parents=True, exist_ok=True)
        for n in range(articles):
            art = gen.article(n)
            folder = path / f"{n // 1000:03d}"
            if n % 1000 == 0:
                folder.mkdir(exist_ok=True)
            (folder / f"{n:06d}.txt").write_text(art["text"], encoding="utf-8")
    marker.write_text(f"{articles} {seed}\n")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=None, help="folder (txt) or file (jsonl); default under bench/.data/")
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    args = ap.parse_args(argv)
    path = make_corpus(args.articles, args.seed, args.out, args.format)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
