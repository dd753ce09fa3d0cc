import './frame.css';
import { registerApplication, start } from 'single-spa';
import { constructApplications, constructLayoutEngine, constructRoutes } from 'single-spa-layout';
import { startFrame } from './frame.js';

/**
 * The single-spa root config: no UI framework, just the layout's routes (in index.html), the
 * applications they name (loaded through the import map) and the frame's behaviour.
 */
const routes = constructRoutes(document.querySelector<HTMLTemplateElement>('#dash-layout')!);
const applications = constructApplications({
  routes,
  loadApp: ({ name }) => import(/* @vite-ignore */ name),
});
const layout = constructLayoutEngine({ routes, applications });

startFrame();
applications.forEach(registerApplication);
layout.activate();
start({ urlRerouteOnly: true });
