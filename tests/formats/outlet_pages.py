"""Saved pages written for the tests in the style of real outlets' templates
(menus, trending boxes, cookie banners, share bars, comments, footers; JSON-LD
or not; UTF-8 or windows-1252). The article sentences are our own.

Each page is a ``Page``: the bytes as a browser would save them, the body
sentences that must reach the text, the chrome lines that must not, and the
metadata the reader must find.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass
class Page:
    name: str
    data: bytes
    body: list[str]                 # sentences that must be in the text
    chrome: list[str]               # strings that must never be in the text
    title: str
    outlet: str | None
    published: str | None           # ISO date
    author: str | None = None
    url: str | None = None
    marked: list[str] = field(default_factory=list)   # in the text, but marked as boilerplate


MENU_ID = """<header class="header"><div class="logo"><a href="/">{site}</a></div>
<nav class="navbar"><ul><li><a href="/">Beranda</a></li><li><a href="/nasional">Nasional</a></li>
<li><a href="/ekonomi">Ekonomi</a></li><li><a href="/olahraga">Olahraga</a></li><li><a href="/hiburan">Hiburan Seleb</a></li>
<li><a href="/otomotif">Otomotif</a></li><li><a href="/indeks">Indeks Berita</a></li></ul></nav>
<form class="search"><input placeholder="Cari berita di sini"></form></header>"""

MENU_EN = """<header><a class="brand" href="/">{site}</a>
<nav aria-label="Main"><ul><li><a href="/news">News</a></li><li><a href="/business">Business</a></li>
<li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/lifestyle">Lifestyle and Culture</a></li>
<li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>"""


def _trending(title: str, items: list[str]) -> str:
    lis = "".join(f'<li><a href="/read/{i}">{t}</a><span class="time">2 jam lalu</span></li>'
                  for i, t in enumerate(items))
    return f'<aside class="sidebar trending"><h3>{title}</h3><ol>{lis}</ol></aside>'


def _jsonld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'


# -- 1. a detik-style page: JSON-LD NewsArticle, inline "Baca juga", most popular, comments
def detik_style() -> Page:
    body = [
        "Jakarta - Kementerian Ketenagakerjaan membuka pendaftaran program pemagangan ke Jepang gelombang kedua tahun ini.",
        "Pendaftaran dibuka secara daring hingga akhir bulan depan dan tidak dipungut biaya apa pun.",
        "Direktur Bina Pemagangan Rahmat Santoso mengatakan kuota tahun ini naik menjadi 4.200 peserta.",
        '"Kami mengimbau calon peserta agar tidak percaya kepada calo yang menjanjikan kelulusan," kata Rahmat di Jakarta, Senin (3/3/2025).',
        "Menurut dia, seleksi meliputi tes fisik, tes bahasa Jepang dasar, dan wawancara dengan perusahaan penerima.",
        "Peserta yang lulus akan mengikuti pelatihan selama empat bulan sebelum diberangkatkan ke Jepang.",
    ]
    chrome = ["Indeks Berita", "Hiburan Seleb", "Harga emas hari ini turun lagi", "Klub bola lokal juara liga",
              "Tulis komentar Anda", "Komentar terbaik: mantap programnya", "Bagikan ke WhatsApp",
              "Kirim tulisan Anda ke redaksi", "Pedoman Media Siber", "Cari berita di sini"]
    ld = _jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                  "headline": "Kemnaker Buka Lagi Pendaftaran Magang ke Jepang, Kuota 4.200 Peserta",
                  "datePublished": "2025-03-03T14:20:00+07:00", "dateModified": "2025-03-03T15:00:00+07:00",
                  "author": {"@type": "Person", "name": "Dwi Lestari"},
                  "publisher": {"@type": "Organization", "name": "detikNews"},
                  "mainEntityOfPage": {"@type": "WebPage", "@id": "https://news.example-detik.com/berita/d-7001/kemnaker-buka-lagi"}})
    html = f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Kemnaker Buka Lagi Pendaftaran Magang ke Jepang, Kuota 4.200 Peserta</title>
<meta property="og:title" content="Kemnaker Buka Lagi Pendaftaran Magang ke Jepang, Kuota 4.200 Peserta">
<meta property="og:site_name" content="detiknews"><meta property="og:type" content="article">
<link rel="canonical" href="https://news.example-detik.com/berita/d-7001/kemnaker-buka-lagi">{ld}</head>
<body>{MENU_ID.format(site="detikNews")}
<div class="container"><article class="detail">
<div class="detail__header"><h1 class="detail__title">Kemnaker Buka Lagi Pendaftaran Magang ke Jepang, Kuota 4.200 Peserta</h1>
<div class="detail__author">Dwi Lestari - detikNews</div><div class="detail__date">Senin, 03 Mar 2025 14:20 WIB</div></div>
<div class="detail__media"><figure><img src="/foto.jpg"><figcaption>Ilustrasi pemagang di pabrik. (Foto: Dok. Kemnaker)</figcaption></figure></div>
<div class="detail__body-text itp_bodycontent">
<p>{body[0]} {body[1]}</p>
<p>{body[2]}</p>
<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga:</strong><a href="/x">Ratusan Pemagang Tiba dari Osaka</a></div></td></tr></table>
<p>{body[3]}</p>
<p>{body[4]}</p><p>{body[5]}</p>
<p>(dwl/imk)</p>
</div>
<div class="detail__body-tag"><a href="/tag/magang">magang</a><a href="/tag/jepang">jepang</a></div>
<div class="share-box">Bagikan ke WhatsApp Bagikan ke Facebook Salin tautan</div>
</article>
<section class="comments"><h3>Tulis komentar Anda</h3><div class="comment"><p>Komentar terbaik: mantap programnya</p></div></section>
{_trending("Most Popular", ["Harga emas hari ini turun lagi", "Klub bola lokal juara liga", "Cuaca ekstrem melanda pesisir"])}
</div><footer><ul><li><a href="/redaksi">Redaksi</a></li><li><a href="/pedoman">Pedoman Media Siber</a></li>
<li><a href="/kirim">Kirim tulisan Anda ke redaksi</a></li></ul><p>Copyright 2025 detikcom. All rights reserved.</p></footer>
</body></html>"""
    return Page("detik_style.html", html.encode("utf-8"), body, chrome,
                "Kemnaker Buka Lagi Pendaftaran Magang ke Jepang, Kuota 4.200 Peserta", "detikNews",
                "2025-03-03", "Dwi Lestari", "https://news.example-detik.com/berita/d-7001/kemnaker-buka-lagi")


# -- 2. a kompas-style page: og:* only (no JSON-LD), content_PublishedDate, cookie banner, "Baca juga:"
def kompas_style() -> Page:
    body = [
        "Sebanyak 150 pemagang asal Jawa Tengah diberangkatkan ke Jepang melalui Bandara Soekarno-Hatta pada Rabu malam.",
        "Kepala Dinas Tenaga Kerja Provinsi Jawa Tengah Sri Handayani melepas para peserta dalam upacara singkat di asrama pelatihan.",
        '"Jaga nama baik daerah dan keluarga selama bekerja di sana," ujar Sri.',
        "Para pemagang akan bekerja di sektor pengolahan makanan dan konstruksi selama tiga tahun.",
        "Program ini merupakan kerja sama pemerintah daerah dengan lembaga pengirim yang terdaftar di Kemnaker.",
    ]
    chrome = ["Kami menggunakan cookie untuk meningkatkan pengalaman Anda", "Setuju dan lanjutkan",
              "Berita Terkini Lainnya", "Gempa kecil guncang selatan Jawa", "Baca berita tanpa iklan",
              "Lihat Foto", "Kompas Gramedia Digital Group"]
    html = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>150 Pemagang Asal Jawa Tengah Berangkat ke Jepang Halaman all - Kompas.com</title>
<meta property="og:title" content="150 Pemagang Asal Jawa Tengah Berangkat ke Jepang">
<meta property="og:site_name" content="KOMPAS.com"><meta property="og:type" content="article">
<meta property="og:url" content="https://regional.example-kompas.com/read/2025/01/15/2201/150-pemagang">
<meta name="content_PublishedDate" content="2025-01-15 22:01:00"><meta name="content_author" content="Ahmad Fauzi">
<meta name="author" content="Ahmad Fauzi"></head><body>
<div id="cookie-consent" class="cookie-banner">Kami menggunakan cookie untuk meningkatkan pengalaman Anda. <button>Setuju dan lanjutkan</button></div>
{MENU_ID.format(site="KOMPAS.com")}
<div class="row"><div class="col-bs10-7"><div class="read__header"><h1 class="read__title">150 Pemagang Asal Jawa Tengah Berangkat ke Jepang</h1>
<div class="read__time">Kompas.com - 15/01/2025, 22:01 WIB</div><div class="read__credit">Penulis Ahmad Fauzi | Editor Rina Maharani</div></div>
<div class="photo"><img src="/p.jpg"><div class="photo__caption">Para pemagang berfoto sebelum berangkat. <a>Lihat Foto</a></div></div>
<div class="read__content"><div class="clearfix">
<p><strong>SEMARANG, KOMPAS.com</strong> - {body[0]}</p>
<p>{body[1]}</p>
<p><strong>Baca juga: <a href="/r">Kuota Magang Jepang Tahun Ini Naik</a></strong></p>
<p>{body[2]}</p><p>{body[3]}</p><p>{body[4]}</p>
<div class="ads-partner-wrap">Baca berita tanpa iklan. <a>Gabung Kompas.com+</a></div>
<p><i>Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.</i></p>
</div></div></div>
<div class="col-bs10-3"><div class="most__wrap"><h3>Berita Terkini Lainnya</h3><div class="most__list">
<a class="most__link" href="/1"><h4 class="most__title">Gempa kecil guncang selatan Jawa</h4></a>
<a class="most__link" href="/2"><h4 class="most__title">Jalan tol baru mulai dibuka untuk umum</h4></a></div></div></div></div>
<footer class="footer"><p>Kompas Gramedia Digital Group</p><p>Copyright 2008 - 2025 PT. Kompas Cyber Media. All Rights Reserved.</p></footer>
</body></html>"""
    return Page("kompas_style.html", html.encode("utf-8"), body, chrome,
                "150 Pemagang Asal Jawa Tengah Berangkat ke Jepang", "KOMPAS.com", "2025-01-15", "Ahmad Fauzi",
                "https://regional.example-kompas.com/read/2025/01/15/2201/150-pemagang",
                marked=["Baca juga: Kuota Magang Jepang Tahun Ini Naik", "Dapatkan update berita pilihan"])


# -- 3. an antara-style page: JSON-LD @graph, "Jakarta (ANTARA) -", credit lines, "Baca juga"
def antara_style() -> Page:
    body = [
        "Jakarta (ANTARA) - Pemerintah Indonesia dan Jepang sepakat memperluas skema pekerja berketerampilan spesifik ke sektor perhotelan.",
        "Kesepakatan itu dicapai dalam pertemuan kelompok kerja bersama yang berlangsung di Jakarta pada Selasa.",
        "Sekretaris Jenderal Kemnaker Budi Hartono menyebut permintaan tenaga kerja dari Jepang terus meningkat.",
        '"Kami menyiapkan lembaga pelatihan agar lulusannya memenuhi standar bahasa dan keterampilan," kata Budi.',
        "Pihak Jepang diwakili oleh pejabat Kementerian Kehakiman dan Kementerian Kesehatan, Perburuhan dan Kesejahteraan.",
    ]
    chrome = ["Berita Terpopuler", "Rupiah menguat pada pembukaan pagi", "Copyright © 2025 ANTARA",
              "Ikuti kami di media sosial", "Video Pilihan", "Indeks Berita"]
    ld = _jsonld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "ANTARA News", "url": "https://www.example-antara.com/"},
        {"@type": "NewsArticle", "headline": "Indonesia dan Jepang perluas skema SSW ke sektor perhotelan",
         "datePublished": "2024-11-19T16:45:00+07:00", "author": [{"@type": "Person", "name": "Yuni Arisandy"}],
         "publisher": {"@type": "Organization", "name": "ANTARA News"},
         "url": "https://www.example-antara.com/berita/4400/indonesia-dan-jepang-perluas-skema-ssw"}]})
    html = f"""<!doctype html><html lang="id"><head><meta charset="UTF-8">
<title>Indonesia dan Jepang perluas skema SSW ke sektor perhotelan - ANTARA News</title>{ld}
<meta property="og:site_name" content="ANTARA News"></head><body>
{MENU_ID.format(site="ANTARA News")}
<div class="wrapper"><div class="post-content">
<h1 class="post-title">Indonesia dan Jepang perluas skema SSW ke sektor perhotelan</h1>
<p class="text-muted"><span><i class="fa fa-clock"></i> Selasa, 19 November 2024 16:45 WIB</span></p>
<div class="post-content clearfix">{body[0]} {body[1]}<br><br>{body[2]}<br><br>
<span class="baca-juga"><b>Baca juga: </b><a href="/b">Menaker lepas 200 perawat ke Jepang</a></span><br><br>
{body[3]}<br><br>{body[4]}<br><br>
<p class="text-muted small mt-2">Pewarta: Yuni Arisandy<br>Editor: Budi Santoso<br>Copyright © ANTARA 2024</p></div>
</div><div class="sidebar"><h3>Berita Terpopuler</h3><ul><li><a href="/1">Rupiah menguat pada pembukaan pagi</a></li>
<li><a href="/2">Pelabuhan baru segera beroperasi di timur</a></li></ul><h3>Video Pilihan</h3></div></div>
<footer><p>Ikuti kami di media sosial</p><p>Copyright © 2025 ANTARA</p></footer></body></html>"""
    return Page("antara_style.html", html.encode("utf-8"), body, chrome,
                "Indonesia dan Jepang perluas skema SSW ke sektor perhotelan", "ANTARA News", "2024-11-19",
                "Yuni Arisandy", "https://www.example-antara.com/berita/4400/indonesia-dan-jepang-perluas-skema-ssw")


# -- 4. a jpnn-style page in windows-1252: no JSON-LD, article:published_time, <time>, curly quotes
def jpnn_style() -> Page:
    body = [
        "jpnn.com, JAKARTA - Badan Perencanaan dan Pengembangan Ketenagakerjaan mencatat lonjakan minat lulusan SMK terhadap program magang luar negeri.",
        "Kepala badan tersebut, Hendra Wijaya, menyebut peminat tahun lalu mencapai 12.500 orang.",
        "\u201cKami menambah balai pelatihan di Sumatra dan Sulawesi untuk menampung mereka,\u201d ujar Hendra, Kamis (6/2).",
        "Dia menambahkan, lulusan yang gagal berangkat tetap mendapat sertifikat kompetensi dari balai.",
    ]
    chrome = ["Video Terpopular", "Loading...", "Jangan Lewatkan", "Mobil listrik murah segera dijual",
              "Berita Sebelumnya", "Sumber: JPNN.com"]
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Minat Magang ke Luar Negeri Melonjak, Balai Pelatihan Ditambah - JPNN.com</title>
<meta property="og:title" content="Minat Magang ke Luar Negeri Melonjak, Balai Pelatihan Ditambah">
<meta property="article:published_time" content="2025-02-06T09:12:00+07:00"><meta property="og:site_name" content="JPNN.com">
<link rel="canonical" href="https://www.example-jpnn.com/news/minat-magang-melonjak"></head><body>
{MENU_ID.format(site="JPNN.com")}<div class="loading">Loading...</div>
<div class="page-content"><h1>Minat Magang ke Luar Negeri Melonjak, Balai Pelatihan Ditambah</h1>
<div class="info"><span class="author">Mesyia Muhammad</span> <time datetime="2025-02-06T09:12:00+07:00">Kamis, 06 Februari 2025 \u2013 09:12 WIB</time></div>
<div class="page-content-body"><p>{body[0]}</p><p>{body[1]}</p><p>{body[2]}</p>
<p>Baca Juga:</p><ul><li><a href="/a">Pemagang Asal Jatim Raih Penghargaan</a></li></ul>
<p>{body[3]}</p><p>(mcr/jpnn)</p></div>
<div class="tags">Jangan Lewatkan: <a href="/m">Mobil listrik murah segera dijual</a></div>
<div class="nav-article"><a href="/prev">Berita Sebelumnya</a></div></div>
<aside><h3>Video Terpopular</h3><a href="/v">Detik-detik banjir di kota tua</a></aside>
<footer><p>Sumber: JPNN.com</p></footer></body></html>"""
    return Page("jpnn_style.html", html.encode("cp1252"), body, chrome,
                "Minat Magang ke Luar Negeri Melonjak, Balai Pelatihan Ditambah", "JPNN.com", "2025-02-06",
                None, "https://www.example-jpnn.com/news/minat-magang-melonjak")


# -- 5. a Jakarta Post-style English page: JSON-LD with two authors, paywall box, "Read also"
def jakartapost_style() -> Page:
    body = [
        "Indonesia aims to send 100,000 skilled workers to Japan over the next five years, Manpower Minister Yassierli said on Tuesday.",
        "The target was announced after a meeting with Japanese business associations in Jakarta.",
        '"Japan needs workers and we have young people who want to work there," the minister told reporters.',
        "Officials said most of the placements would be in nursing care, food service and construction.",
        "Labor unions have called on the government to tighten supervision of private sending agencies.",
    ]
    chrome = ["Subscribe now", "Unlock this article with a subscription", "Most Viewed",
              "Flood alert issued for capital", "Share this article", "Lifestyle and Culture",
              "Sign up for our newsletter", "Terms of Use"]
    ld = _jsonld({"@context": "http://schema.org", "@type": ["NewsArticle"],
                  "headline": "Indonesia targets 100,000 workers for Japan in five years",
                  "datePublished": "2025-04-22T12:05:00+07:00",
                  "author": [{"@type": "Person", "name": "Nina Harahap"}, {"@type": "Person", "name": "Kevin Tan"}],
                  "publisher": {"@type": "NewsMediaOrganization", "name": "The Jakarta Post"}})
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Indonesia targets 100,000 workers for Japan in five years - National - The Jakarta Post</title>{ld}
<meta property="og:type" content="article"><link rel="canonical" href="https://www.example-thejakartapost.com/indonesia/2025/04/22/indonesia-targets-100000-workers.html">
</head><body>{MENU_EN.format(site="The Jakarta Post")}
<main><div class="tjp-single"><div class="tjp-single__head"><span class="tjp-category">National</span>
<h1 class="tjp-title--single">Indonesia targets 100,000 workers for Japan in five years</h1>
<div class="tjp-meta"><span class="tjp-meta__author">Nina Harahap and Kevin Tan (The Jakarta Post)</span>
<span class="tjp-meta__date">Jakarta \u25cf Tue, April 22, 2025</span></div>
<div class="tjp-share">Share this article</div></div>
<div class="tjp-single__content"><p>{body[0]}</p><p>{body[1]}</p>
<p><strong>Read also: <a href="/r">Caregivers head to Japan under trade pact</a></strong></p>
<p>{body[2]}</p><p>{body[3]}</p><p>{body[4]}</p></div>
<div class="paywall">Unlock this article with a subscription. <a>Subscribe now</a></div></div>
<aside class="most-viewed"><h3>Most Viewed</h3><ol><li><a href="/1">Flood alert issued for capital</a></li>
<li><a href="/2">Rupiah slips as markets wait for rate decision</a></li></ol></aside></main>
<footer><div>Sign up for our newsletter</div><a href="/terms">Terms of Use</a><p>\u00a9 2016 - 2025 PT. Bina Media Tenggara</p></footer></body></html>"""
    return Page("jakartapost_style.html", html.encode("utf-8"), body, chrome,
                "Indonesia targets 100,000 workers for Japan in five years", "The Jakarta Post", "2025-04-22",
                "Nina Harahap, Kevin Tan",
                "https://www.example-thejakartapost.com/indonesia/2025/04/22/indonesia-targets-100000-workers.html")


# -- 6. a Japan Times-style English page: no JSON-LD, og + <time datetime>, consent wall, comments
def japantimes_style() -> Page:
    body = [
        "Japan will admit foreign trainees under a new employment system that replaces the technical intern program from 2027, officials said Friday.",
        "The new system allows workers to change employers within the same field after one year, a right the old program did not grant.",
        "Indonesia, Vietnam and the Philippines send the largest numbers of trainees to small manufacturers in the country.",
        '"We expect the change to reduce abuse and keep skilled people here longer," said a senior labor ministry official.',
    ]
    chrome = ["We value your privacy", "Accept all cookies", "Join the conversation", "Great move by the government",
              "Latest News", "Heat wave forecast for Tokyo", "Related Stories", "Back to top"]
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Japan sets start of new foreign worker system | The Japan Times</title>
<meta property="og:title" content="Japan sets start of new foreign worker system">
<meta property="og:site_name" content="The Japan Times"><meta property="og:type" content="article">
<meta name="author" content="Kaori Sato"><meta property="og:url" content="https://www.example-japantimes.co.jp/news/2025/06/13/japan/new-worker-system/">
</head><body><div class="consent-overlay" role="dialog"><h2>We value your privacy</h2><p>We and our partners use cookies.</p>
<button>Accept all cookies</button></div>{MENU_EN.format(site="The Japan Times")}
<div id="jt-main"><article class="article"><div class="article-header"><h1>Japan sets start of new foreign worker system</h1>
<p class="byline">by Kaori Sato, Staff writer</p><time datetime="2025-06-13T18:30:00+09:00">Jun 13, 2025</time>
<ul class="share"><li>Facebook</li><li>X</li><li>Email</li></ul></div>
<div class="article-body"><p>{body[0]}</p><p>{body[1]}</p>
<figure><img src="/img.jpg"><figcaption>Workers at a factory in Aichi Prefecture. | Kyodo</figcaption></figure>
<p>{body[2]}</p><p>{body[3]}</p></div></article>
<section id="comments"><h3>Join the conversation</h3><div class="comment-body">Great move by the government, finally.</div></section>
<section class="related"><h3>Related Stories</h3><ul><li><a href="/a">Trainee numbers hit record high</a></li></ul></section>
<aside><h3>Latest News</h3><ul><li><a href="/l">Heat wave forecast for Tokyo</a></li></ul></aside></div>
<footer><a href="#top">Back to top</a><p>The Japan Times, Ltd. All rights reserved.</p></footer></body></html>"""
    return Page("japantimes_style.html", html.encode("utf-8"), body, chrome,
                "Japan sets start of new foreign worker system", "The Japan Times", "2025-06-13", "Kaori Sato",
                "https://www.example-japantimes.co.jp/news/2025/06/13/japan/new-worker-system/")


# -- 7. a ministry news page: no og, no JSON-LD, the date only in a <time> next to the title
def ministry_style() -> Page:
    body = [
        "Menteri Ketenagakerjaan melepas 85 perawat dan careworker yang akan bekerja di Jepang melalui skema kemitraan ekonomi.",
        "Pelepasan berlangsung di Kantor Kementerian Ketenagakerjaan, Jakarta, pada Kamis pagi.",
        "Para tenaga kesehatan tersebut telah lulus ujian bahasa dan menjalani pelatihan selama satu tahun.",
        '"Kalian adalah duta bangsa yang membawa nama baik Indonesia," pesan Menteri kepada para peserta.',
    ]
    chrome = ["Layanan Publik", "Pengaduan Masyarakat", "Siaran Pers Lainnya", "Hak cipta Kementerian Ketenagakerjaan",
              "Jam layanan: Senin - Jumat"]
    html = f"""<html><head><meta charset="utf-8"><title>Menaker Lepas 85 Perawat dan Careworker ke Jepang | Kemnaker RI</title></head>
<body><div class="topbar"><a href="/layanan">Layanan Publik</a> | <a href="/pengaduan">Pengaduan Masyarakat</a></div>
<div class="content"><div class="news-detail"><h2 class="title">Menaker Lepas 85 Perawat dan Careworker ke Jepang</h2>
<div class="meta"><time datetime="2024-08-22">22 Agustus 2024</time> | Biro Humas</div>
<div class="news-content"><p>{body[0]}</p><p>{body[1]}</p><p>{body[2]}</p><p>{body[3]}</p>
<p>Biro Humas Kemnaker</p></div></div>
<div class="side"><h4>Siaran Pers Lainnya</h4><ul><li><a href="/n/1">Kemnaker gelar bursa kerja nasional</a></li>
<li><a href="/n/2">Pelatihan vokasi untuk pekerja terdampak</a></li></ul></div></div>
<footer><p>Jam layanan: Senin - Jumat, 08.00 - 16.00</p><p>Hak cipta Kementerian Ketenagakerjaan RI 2024</p></footer></body></html>"""
    return Page("ministry_style.html", html.encode("utf-8"), body, chrome,
                "Menaker Lepas 85 Perawat dan Careworker ke Jepang", None, "2024-08-22", None, None)


ALL_PAGES = [detik_style, kompas_style, antara_style, jpnn_style, jakartapost_style, japantimes_style,
             ministry_style]


def home_page() -> bytes:
    """An outlet's front page: teasers and menus, no article."""
    teasers = "".join(
        f'<article class="list-content__item"><h3><a href="/read/{i}">{t}</a></h3>'
        f'<span class="date">{i + 1} jam lalu</span></article>'
        for i, t in enumerate([
            "Menaker tinjau balai pelatihan di Bekasi", "Harga beras mulai turun di pasar tradisional",
            "Timnas lolos ke babak final setelah menang adu penalti", "Kereta cepat tambah jadwal perjalanan",
            "Pemagang asal Bali berangkat ke Jepang pekan depan", "Gubernur resmikan jembatan baru di utara kota",
            "Ribuan pelari ikut maraton di ibu kota", "Festival kuliner digelar selama tiga hari"]))
    ld = _jsonld({"@context": "https://schema.org", "@type": "WebSite", "name": "Warta Kita",
                  "url": "https://www.example-wartakita.com/"})
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Warta Kita - Berita Terkini Hari Ini</title>
<meta property="og:type" content="website"><meta property="og:site_name" content="Warta Kita">{ld}</head><body>
{MENU_ID.format(site="Warta Kita")}<main><h2>Berita Terkini</h2>{teasers}</main>
<footer>Copyright 2025 Warta Kita</footer></body></html>""".encode("utf-8")
