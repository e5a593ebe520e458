/**
 * Where sample participants come from: every Wikimedia region, with countries, their time
 * zones, languages and name syllables in the scripts people there use on-wiki.
 */
import type { Region } from '../records/vocabulary';

export interface Place {
  country: string;
  countryName: string;
  timezone: string;
  languages: readonly string[];
}

export const PLACES: Readonly<Record<Region, readonly Place[]>> = {
  mena: [
    { country: 'EG', countryName: 'Egypt', timezone: 'Africa/Cairo', languages: ['ar'] },
    {
      country: 'MA',
      countryName: 'Morocco',
      timezone: 'Africa/Casablanca',
      languages: ['ar', 'fr'],
    },
    { country: 'JO', countryName: 'Jordan', timezone: 'Asia/Amman', languages: ['ar'] },
    { country: 'TN', countryName: 'Tunisia', timezone: 'Africa/Tunis', languages: ['ar', 'fr'] },
    { country: 'IR', countryName: 'Iran', timezone: 'Asia/Tehran', languages: ['fa'] },
  ],
  ssa: [
    {
      country: 'NG',
      countryName: 'Nigeria',
      timezone: 'Africa/Lagos',
      languages: ['en', 'yo', 'ha'],
    },
    { country: 'GH', countryName: 'Ghana', timezone: 'Africa/Accra', languages: ['en', 'tw'] },
    { country: 'KE', countryName: 'Kenya', timezone: 'Africa/Nairobi', languages: ['sw', 'en'] },
    { country: 'CM', countryName: 'Cameroon', timezone: 'Africa/Douala', languages: ['fr', 'en'] },
    { country: 'SN', countryName: 'Senegal', timezone: 'Africa/Dakar', languages: ['fr', 'wo'] },
    {
      country: 'ZA',
      countryName: 'South Africa',
      timezone: 'Africa/Johannesburg',
      languages: ['en', 'zu'],
    },
  ],
  'south-asia': [
    {
      country: 'IN',
      countryName: 'India',
      timezone: 'Asia/Kolkata',
      languages: ['hi', 'ta', 'bn'],
    },
    { country: 'BD', countryName: 'Bangladesh', timezone: 'Asia/Dhaka', languages: ['bn'] },
    { country: 'NP', countryName: 'Nepal', timezone: 'Asia/Kathmandu', languages: ['ne'] },
    { country: 'PK', countryName: 'Pakistan', timezone: 'Asia/Karachi', languages: ['ur'] },
    { country: 'LK', countryName: 'Sri Lanka', timezone: 'Asia/Colombo', languages: ['si', 'ta'] },
  ],
  eseap: [
    { country: 'ID', countryName: 'Indonesia', timezone: 'Asia/Jakarta', languages: ['id'] },
    {
      country: 'PH',
      countryName: 'Philippines',
      timezone: 'Asia/Manila',
      languages: ['tl', 'bcl'],
    },
    { country: 'TW', countryName: 'Taiwan', timezone: 'Asia/Taipei', languages: ['zh'] },
    { country: 'KR', countryName: 'Korea', timezone: 'Asia/Seoul', languages: ['ko'] },
    { country: 'AU', countryName: 'Australia', timezone: 'Australia/Sydney', languages: ['en'] },
  ],
  cee: [
    { country: 'UA', countryName: 'Ukraine', timezone: 'Europe/Kyiv', languages: ['uk'] },
    { country: 'PL', countryName: 'Poland', timezone: 'Europe/Warsaw', languages: ['pl'] },
    { country: 'AM', countryName: 'Armenia', timezone: 'Asia/Yerevan', languages: ['hy'] },
    { country: 'RS', countryName: 'Serbia', timezone: 'Europe/Belgrade', languages: ['sr'] },
    { country: 'GE', countryName: 'Georgia', timezone: 'Asia/Tbilisi', languages: ['ka'] },
  ],
  nwe: [
    { country: 'DE', countryName: 'Germany', timezone: 'Europe/Berlin', languages: ['de'] },
    { country: 'FR', countryName: 'France', timezone: 'Europe/Paris', languages: ['fr'] },
    { country: 'ES', countryName: 'Spain', timezone: 'Europe/Madrid', languages: ['es', 'ca'] },
    { country: 'GB', countryName: 'United Kingdom', timezone: 'Europe/London', languages: ['en'] },
    { country: 'SE', countryName: 'Sweden', timezone: 'Europe/Stockholm', languages: ['sv'] },
  ],
  lac: [
    { country: 'MX', countryName: 'Mexico', timezone: 'America/Mexico_City', languages: ['es'] },
    { country: 'BR', countryName: 'Brazil', timezone: 'America/Sao_Paulo', languages: ['pt'] },
    {
      country: 'AR',
      countryName: 'Argentina',
      timezone: 'America/Argentina/Buenos_Aires',
      languages: ['es'],
    },
    { country: 'CO', countryName: 'Colombia', timezone: 'America/Bogota', languages: ['es'] },
    { country: 'BO', countryName: 'Bolivia', timezone: 'America/La_Paz', languages: ['es', 'qu'] },
  ],
  na: [
    {
      country: 'US',
      countryName: 'United States',
      timezone: 'America/New_York',
      languages: ['en'],
    },
    {
      country: 'US',
      countryName: 'United States',
      timezone: 'America/Los_Angeles',
      languages: ['en', 'es'],
    },
    { country: 'CA', countryName: 'Canada', timezone: 'America/Toronto', languages: ['en', 'fr'] },
  ],
};

/** How many participants each region sends, roughly as in the program's reports. */
export const REGION_WEIGHTS: ReadonlyArray<readonly [Region, number]> = [
  ['ssa', 24],
  ['south-asia', 16],
  ['lac', 15],
  ['eseap', 12],
  ['mena', 10],
  ['cee', 9],
  ['nwe', 9],
  ['na', 5],
];

/** Syllables for user names, by script; most people on Meta use Latin-script names. */
export const NAME_SYLLABLES: Readonly<Record<string, readonly string[]>> = {
  latin: [
    'ka',
    'lo',
    'mi',
    'ra',
    'ne',
    'tu',
    'sa',
    'vi',
    'da',
    'jo',
    'ba',
    'ri',
    'an',
    'el',
    'or',
    'ya',
    'zu',
    'fe',
  ],
  arabic: ['سا', 'مي', 'ري', 'نو', 'لي', 'كا', 'دا', 'هد'],
  persian: ['پا', 'رس', 'نی', 'شا', 'مه', 'گل'],
  devanagari: ['रा', 'मी', 'सु', 'नि', 'का', 'वि', 'दे'],
  cyrillic: ['ка', 'ло', 'ми', 'ра', 'не', 'ту', 'ва'],
  hangul: ['민', '서', '지', '하', '윤', '도'],
  han: ['小', '明', '華', '林', '文', '山'],
};

/** The script a sample user name is drawn in, by the country's first language. */
export const SCRIPT_OF_LANGUAGE: Readonly<Record<string, string>> = {
  ar: 'arabic',
  fa: 'persian',
  hi: 'devanagari',
  ne: 'devanagari',
  uk: 'cyrillic',
  sr: 'cyrillic',
  ko: 'hangul',
  zh: 'han',
};
