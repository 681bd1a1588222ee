import type { ConceptFamily } from '../types.ts';

/** Advanced search and result refinement (LOSI 207, OSI #004): the words of links and headings. */
export const searchRefinement: ConceptFamily = {
  name: 'search-refinement',
  terms: {
    advancedSearch: {
      en: [
        'advanced search',
        'refine search',
        'refine your search',
        'refine results',
        'filter results',
        'filter your results',
        'narrow your search',
        'search filters',
      ],
      fr: [
        'recherche avancée',
        'affiner la recherche',
        'affiner votre recherche',
        'affiner les résultats',
        'filtrer les résultats',
        'filtres de recherche',
      ],
      es: [
        'búsqueda avanzada',
        'refinar búsqueda',
        'refinar la búsqueda',
        'refinar resultados',
        'filtrar resultados',
        'filtros de búsqueda',
      ],
      pt: [
        'pesquisa avançada',
        'busca avançada',
        'refinar pesquisa',
        'refinar a pesquisa',
        'refinar resultados',
        'filtrar resultados',
        'filtros de pesquisa',
      ],
      it: [
        'ricerca avanzata',
        'affina la ricerca',
        'affina i risultati',
        'filtra i risultati',
        'filtri di ricerca',
      ],
      ar: ['بحث متقدم', 'البحث المتقدم', 'تصفية النتائج', 'تنقيح البحث'],
      zh: ['高级搜索', '高级检索', '筛选结果', '精确搜索'],
      ru: [
        'расширенный поиск',
        'уточнить поиск',
        'уточнить результаты',
        'фильтры поиска',
        'фильтр результатов',
      ],
    },
  },
};
