# The peers' side of `cargo xtask bench pages`: the wikitext of every page of a category,
# anonymous, read by pywikibot (a preloading generator over the category's articles) or by
# mwclient (the category's pages, each page's text). Prints
# `<side> <median ms> <pages> <bytes> <runs>`.
import os
import sys
import time
from urllib.parse import urlsplit

side, api, category, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def pywikibot_read():
    import pywikibot
    from pywikibot import family, pagegenerators

    # From the api.php's URL, pywikibot finds the script path itself.
    fam = family.AutoFamily("mwtypedbench", api)
    site = pywikibot.Site(fam.code, fam)
    cat = pywikibot.Category(site, category)
    pages = bytes_ = 0
    # Preloading 50 a request, pywikibot's default and MediaWiki's limit for content.
    for page in pagegenerators.PreloadingGenerator(cat.members(), groupsize=50):
        pages += 1
        bytes_ += len(page.text.encode("utf-8"))
    return pages, bytes_


def mwclient_read():
    import mwclient

    url = urlsplit(api)
    path = url.path[: -len("api.php")]
    site = mwclient.Site(url.netloc, path=path, scheme=url.scheme,
                         clients_useragent="mwtyped-bench (pages)")
    pages = bytes_ = 0
    for page in site.categories[category.split(":", 1)[1]]:
        pages += 1
        bytes_ += len(page.text().encode("utf-8"))
    return pages, bytes_


read = {"pywikibot": pywikibot_read, "mwclient": mwclient_read}[side]
samples = []
result = (0, 0)
for _ in range(runs):
    start = time.monotonic()
    result = read()
    samples.append(time.monotonic() - start)
samples.sort()
print(f"{side} {samples[len(samples) // 2] * 1000:.0f} {result[0]} {result[1]} {runs}")
