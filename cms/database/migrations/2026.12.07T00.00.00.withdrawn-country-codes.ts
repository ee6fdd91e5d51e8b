import type { Knex } from 'knex';
import { COUNTRY_CODES, NATIONALITY_CODES, NO_COUNTRY } from '@mobio/config';

/**
 * The country lists used to offer every code ICU names, withdrawn ones included, under the name of
 * today's country: a person who picked "Russia" may have stored SU, "Germany" DD, "Serbia" YU or CS.
 * Each withdrawn code becomes the country whose name the person saw (ICU's name for it), so
 * nothing the person chose changes on screen. A nationality that is no code of today's list and
 * not one of these becomes "ungeklärt" (unknown); such a country of an entry becomes empty.
 */
export const WITHDRAWN: Readonly<Record<string, string>> = {
  AC: 'SH', // Ascension Island: Saint Helena, Ascension and Tristan da Cunha
  AN: 'CW', // Netherlands Antilles, shown as Curaçao
  BU: 'MM', // Burma
  CP: 'FR', // Clipperton Island
  CQ: 'GG', // Sark: the Bailiwick of Guernsey
  CS: 'RS', // Serbia and Montenegro, shown as Serbia
  DD: 'DE', // German Democratic Republic, shown as Germany
  DG: 'IO', // Diego Garcia
  DY: 'BJ', // Dahomey, shown as Benin
  EA: 'ES', // Ceuta and Melilla
  FX: 'FR', // Metropolitan France
  HV: 'BF', // Upper Volta, shown as Burkina Faso
  IC: 'ES', // Canary Islands
  NH: 'VU', // New Hebrides, shown as Vanuatu
  RH: 'ZW', // Southern Rhodesia, shown as Zimbabwe
  SU: 'RU', // Soviet Union, shown as Russia
  TA: 'SH', // Tristan da Cunha
  TP: 'TL', // East Timor
  UK: 'GB', // the United Kingdom's exceptional reservation
  VD: 'VN', // North Vietnam, shown as Vietnam
  YD: 'YE', // South Yemen, shown as Yemen
  YU: 'RS', // Yugoslavia, shown as Serbia
  ZR: 'CD', // Zaire, shown as Congo - Kinshasa
};

const COLUMNS = [
  { table: 'profiles', column: 'nationality', codes: NATIONALITY_CODES, other: NO_COUNTRY.unknown },
  { table: 'education_entries', column: 'country', codes: COUNTRY_CODES, other: null },
  { table: 'employment_entries', column: 'country', codes: COUNTRY_CODES, other: null },
];

export async function up(knex: Knex): Promise<void> {
  for (const { table, column, codes, other } of COLUMNS) {
    // A new installation: the tables come with the first schema sync, empty.
    if (!(await knex.schema.hasTable(table))) continue;
    for (const [withdrawn, current] of Object.entries(WITHDRAWN))
      await knex(table)
        .where({ [column]: withdrawn })
        .update({ [column]: current });
    await knex(table)
      .whereNotNull(column)
      .whereNotIn(column, [...codes])
      .update({ [column]: other });
  }
}

// The withdrawn codes were shown under today's names: there is nothing to go back to.
export async function down(): Promise<void> {}
