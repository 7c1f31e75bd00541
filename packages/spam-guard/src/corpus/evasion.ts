/**
 * Spam as defacers write it to slip past simple matching. Every case must be held. Each case is one public
 * output an OPD's content can carry: body text, a link (address and words), an image's alt text or title.
 */
export interface EvasionCase {
  id: string;
  technique: string;
  text?: string;
  link?: { href: string; text: string };
  alt?: string;
  imageTitle?: string;
}

const text = (id: string, technique: string, value: string): EvasionCase => ({ id, technique, text: value });
const link = (id: string, technique: string, href: string, words = 'Info selengkapnya'): EvasionCase => ({
  id,
  technique,
  link: { href, text: words },
});

export const EVASION_CORPUS: readonly EvasionCase[] = [
  text('zwsp', 'zero-width space', 'Info slot g\u200bacor hari ini'),
  text('zwj', 'zero-width joiner', 'Pasti ma\u200dxwin malam ini'),
  text('soft-hyphen', 'soft hyphen', 'Situs g\u00adacor terbaru'),
  text('word-joiner', 'word joiner between letters', 'g\u2060a\u2060c\u2060o\u2060r'),
  text('bom', 'byte-order mark inside a word', 'Link ga\ufeffcor'),
  text('bidi', 'bidi marks', 'Bocoran R\u200eTP L\u200five'),
  text('cgj', 'combining grapheme joiner', 'g\u034facor parah'),
  text('cyrillic', 'Cyrillic look-alikes', 'gасor mахwin'),
  text('greek', 'Greek omicron', 'Situs gacοr'),
  text('cyrillic-brand', 'Cyrillic in a brand', 'Daftar sbоbеt resmi'),
  text('fullwidth', 'fullwidth letters', 'ｇａｃｏｒ'),
  text('fullwidth-digits', 'fullwidth letters and digits', 'ｓｌｏｔ８８'),
  text('math-bold', 'mathematical bold', '𝐬𝐥𝐨𝐭 𝐠𝐚𝐜𝐨𝐫'),
  text('math-script', 'mathematical script', '𝓶𝓪𝔁𝔀𝓲𝓷'),
  text('small-caps', 'small capitals', 'ɢᴀᴄᴏʀ ᴍᴀxᴡɪɴ'),
  text('superscript', 'superscript letters', 'ᵍᵃᶜᵒʳ'),
  text('circled', 'circled letters', 'ⓖⓐⓒⓞⓡ'),
  text('strike', 'combining strike-through', 'g̶a̶c̶o̶r̶'),
  text('accents', 'accented letters', 'gâçór'),
  text('punctuation', 'punctuation between letters', 's-l-o-t g.a.c.o.r m4xw1n'),
  text('leet', 'digits for letters', 'Pasti g4c0r'),
  text('leet-upper', 'digits for letters, upper case', 'M4XW1N'),
  text('symbols', 'symbols for letters', '$lot g@cor'),
  text('spaced', 'letters spaced out', 'g a c o r'),
  text('spaced-number', 'spaced out with a number', 's l o t 8 8'),
  text('underscores', 'underscores between letters', 'g_a_c_o_r'),
  text('stars', 'asterisks between letters', 'm*a*x*w*i*n'),
  text('rtp-leet', 'hyphen and a digit', 'RTP-L1VE'),
  text('depo-leet', 'digits in two words', 'd3po pul5a'),
  text('scatter-leet', 'digits in a phrase', 'sc4tter h1tam'),
  text('hyphenated', 'a phrase hyphenated', 'toto-macau'),
  text('exclaim', 'trailing punctuation', 'maxwin!!!'),
  text('upper', 'upper case', 'GACOR'),
  text('numbered', 'a stem glued to a number', 'Main di slot777'),
  text('number-first', 'a number glued before a stem', 'Gabung 88toto'),
  text('togel4d', 'a numbered lottery name', 'Pasaran togel4d'),
  text('zeus99', 'a stem and a number', 'zeus99'),
  text('kakek-zeus', 'slot slang', 'Kakek zeus turun'),
  text('new-member', 'promotion', 'Bonus new member 100%'),
  text('mahjong', 'game brand', 'Mahjong ways 2 gampang'),
  text('olympus', 'game brand', 'gates of olympus'),
  text('pola', 'slang', 'pola gacor hari ini'),
  text('rungkad', 'slang', 'anti rungkad'),
  text('akun-pro', 'slang', 'akun pro thailand'),
  text('bonanza', 'game brand', 'sweet bonanza'),
  text('slot88-caps', 'brand in capitals with a zero', 'Situs resmi SL0T88 terpercaya'),
  text('tail', 'spam tucked after a real sentence', 'Pelayanan KTP-el buka hari Sabtu. gacor'),
  text('sbobet', 'brand', 'link alternatif sbobet'),
  text('dominoqq', 'brand', 'dominoqq'),
  text('joker123', 'brand', 'joker123'),
  text('sv388', 'brand', 'sv388'),
  text('mixed-scripts', 'Latin and Cyrillic mixed in each word', 'ѕlоt gасоr'),
  link('host-leet', 'obfuscated gambling domain', 'https://g4c0r-88.example/'),
  link('bitly', 'URL shortener', 'https://bit.ly/3xYz9', 'Formulir pendaftaran'),
  link('sid', 'Indonesian URL shortener', 'https://s.id/daftar-bantuan'),
  link('tinyurl', 'URL shortener', 'https://tinyurl.com/abc123'),
  link('www-bitly', 'shortener with www', 'https://www.bit.ly/x'),
  link('ipv4', 'IP address', 'http://103.21.244.10/promo'),
  link('ip-decimal', 'IP address written as one number', 'http://1729491978/'),
  link('ipv6', 'IPv6 address', 'http://[2001:db8::1]/'),
  link('prefix', 'government name as a prefix', 'https://bandarlampungkota.go.id.promo-web.com/'),
  link('idn', 'Cyrillic letter in a government domain', 'https://bаndarlampungkota.go.id/'),
  link('go-id-inside', 'go.id without being under go.id', 'https://kota-go.id/berita'),
  link('toto-host', 'gambling host', 'https://situs-toto.net/'),
  link('judi-host', 'gambling host', 'https://judi.online/'),
  link('path', 'promotional slang in the path', 'https://contoh.com/slot-gacor-hari-ini'),
  link('words', 'slang in the link words', 'https://contoh.com/', 'Daftar slot gacor'),
  { id: 'alt', technique: 'spam only in alt text', alt: 'slot gacor maxwin' },
  { id: 'alt-leet', technique: 'alt text with digits', alt: 'Foto kegiatan s1ot g4cor' },
  { id: 'alt-rtp', technique: 'alt text slang', alt: 'rtp live 98%' },
  { id: 'title', technique: 'spam only in an image title', imageTitle: 'daftar slot' },
  { id: 'title-zw', technique: 'image title with zero-width', imageTitle: 'max\u200bwin' },
];
