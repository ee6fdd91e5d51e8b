import type { Core } from '@strapi/strapi';

const register = ({ strapi: _strapi }: { strapi: Core.Strapi }) => {};

export default register;
