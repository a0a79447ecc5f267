/** The one-map's layers and basemap configuration, read from the registry and obligations modules through their ports. No tables. */
export { registerMapRoutes as registerOneMap } from './map.routes.ts';
