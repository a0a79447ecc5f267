/** The one-map's layers and basemap configuration, read from the registry through its module. No tables. */
export { registerMapRoutes as registerOneMap } from './map.routes.ts';
